using CreatorMeta.ServiceDefaults.Data;

namespace CreatorMeta.ServiceDefaults.Tests.Data;

public sealed class SnakeCaseNamingTests
{
    [Theory]
    [InlineData("WorkspaceId", "workspace_id")]
    [InlineData("ExternalPostId", "external_post_id")]
    [InlineData("URLPath", "url_path")]
    [InlineData("id", "id")]
    [InlineData("already_snake", "already_snake")]
    public void Names_columns_as_postgres_does(string name, string expected) =>
        Assert.Equal(expected, SnakeCaseNaming.ToSnakeCase(name));
}
