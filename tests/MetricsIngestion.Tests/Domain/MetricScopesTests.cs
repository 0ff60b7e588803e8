using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class MetricScopesTests
{
    [Theory]
    [InlineData(MetricScope.Lifetime, "lifetime")]
    [InlineData(MetricScope.Day, "day")]
    [InlineData(MetricScope.Week, "week")]
    [InlineData(MetricScope.Days28, "days_28")]
    public void Each_scope_has_the_name_the_api_uses(MetricScope scope, string name)
    {
        Assert.Equal(name, scope.Name());
        Assert.Equal(scope, MetricScopes.Parse(name));
    }

    [Theory]
    [InlineData("Lifetime", MetricScope.Lifetime)]
    [InlineData(" DAY ", MetricScope.Day)]
    [InlineData("Week", MetricScope.Week)]
    [InlineData("DAYS_28", MetricScope.Days28)]
    public void Scope_names_are_read_without_regard_to_case_or_surrounding_space(string name, MetricScope scope)
    {
        Assert.Equal(scope, MetricScopes.Parse(name));
    }

    [Theory]
    [InlineData("month")]
    [InlineData("days28")]
    [InlineData("")]
    public void An_unknown_scope_name_is_not_a_scope(string name)
    {
        Assert.Null(MetricScopes.Parse(name));
    }

    [Fact]
    public void No_scope_name_is_not_a_scope()
    {
        Assert.Null(MetricScopes.Parse(null));
        Assert.Equal("must be one of: lifetime, day, week, days_28.", MetricScopes.MustBeOneOf);
    }
}
