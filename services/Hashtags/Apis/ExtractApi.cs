using CreatorMeta.Hashtags.Domain;
using CreatorMeta.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.Hashtags.Apis;

public static class ExtractApi
{
    public static IEndpointRouteBuilder MapExtractApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/hashtags").WithTags("Hashtags").MapPost("/extract", Extract);
        return app;
    }

    public static Results<Ok<ExtractResponse>, ValidationProblem> Extract(ExtractRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        RequestRules.CheckCaption(errors, "text", request.Text, required: true);
        var platform = RequestRules.Platform(errors, request.Platform, required: false);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var conventions = PlatformConventions.For(platform);
        var tags = CaptionText.Hashtags(request.Text!, conventions);
        return TypedResults.Ok(new ExtractResponse(conventions.Platform, tags, CaptionText.Keywords(request.Text!, tags)));
    }
}
