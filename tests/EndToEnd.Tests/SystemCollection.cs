namespace CreatorMeta.EndToEnd.Tests;

/// <summary>One running system for the tests that only use it, so the whole system boots once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<AppHostProcess>
{
    public const string Name = "system";
}
