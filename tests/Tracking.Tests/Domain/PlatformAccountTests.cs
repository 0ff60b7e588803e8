using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class PlatformAccountTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_registered_account_keeps_its_platform_handle_external_id_and_zone()
    {
        var account = PlatformAccount.Register("ws-1", "youtube", "@jamal", "UCabcdefghijklmnopqrstuv", "Europe/Berlin", Now);

        Assert.Equal(7, account.Id.Version);
        Assert.Equal("ws-1", account.WorkspaceId);
        Assert.Equal("youtube", account.Platform);
        Assert.Equal("@jamal", account.Handle);
        Assert.Equal("UCabcdefghijklmnopqrstuv", account.ExternalId);
        Assert.Equal("Europe/Berlin", account.TimeZone);
        Assert.Equal(Now, account.CreatedAt);
    }

    [Fact]
    public void Two_accounts_registered_at_the_same_moment_get_different_ids()
    {
        var first = PlatformAccount.Register("ws-1", "youtube", "@jamal", null, "Europe/Berlin", Now);
        var second = PlatformAccount.Register("ws-1", "youtube", "@jamal.shorts", null, "Europe/Berlin", Now);

        Assert.Null(first.ExternalId);
        Assert.NotEqual(first.Id, second.Id);
    }
}
