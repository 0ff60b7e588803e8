using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;

namespace CreatorMeta.Analytics.Apis;

/// <summary>
/// Which posts an analysis reads: one platform's or account's, published in [from, to), that have the metric (the
/// baseline score unless named).
/// </summary>
public sealed record AnalysisQuery(string? Platform, string? Account, DateTimeOffset? From, DateTimeOffset? To, string? Metric)
{
    /// <summary>The scope and metric asked for, or what is wrong with the request.</summary>
    public (AnalysisScope? Scope, string Metric, Dictionary<string, string[]> Errors) Validate(string workspace)
    {
        var errors = new Dictionary<string, string[]>();
        var platform = Platform is null ? null : Platforms.Normalize(Platform);
        if (Platform is not null && platform is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        var account = Account is null ? null : AccountHandles.Normalize(Account);
        if (Account is not null && (account is null || !StorableText.IsStorable(account)))
            errors["account"] = ["account is an account handle, e.g. @jamal."];
        if (From > To)
            errors["from"] = ["from must not be after to."];
        var metric = Metric ?? AnalysisRow.DefaultMetric;
        if (!AnalysisRow.Metrics.Contains(metric))
            errors["metric"] = [$"metric is one of: {string.Join(", ", AnalysisRow.Metrics)}."];
        return errors.Count > 0 ? (null, metric, errors)
            : (new AnalysisScope(workspace, platform, account, From?.ToUniversalTime(), To?.ToUniversalTime()), metric, errors);
    }
}
