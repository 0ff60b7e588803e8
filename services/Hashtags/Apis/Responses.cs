using CreatorMeta.Hashtags.Domain;

namespace CreatorMeta.Hashtags.Apis;

/// <summary>The hashtags of a caption in order of appearance and its keywords by count; positions in UTF-16 code units.</summary>
public sealed record ExtractResponse(string Platform, IReadOnlyList<FoundTag> Hashtags, IReadOnlyList<FoundKeyword> Keywords);
