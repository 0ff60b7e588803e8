using System.Text.Json;
using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class RawValuesTests
{
    [Theory]
    [InlineData("541.2K", 541_200, 50)]
    [InlineData("541.1k", 541_100, 50)]
    [InlineData("0.75K", 750, 5)]
    [InlineData("12 K", 12_000, 500)]
    [InlineData("1.5M", 1_500_000, 50_000)]
    [InlineData("2B", 2_000_000_000, 500_000_000)]
    [InlineData("1000000B", 1e15, 500_000_000)]
    [InlineData("1,234.5K", 1_234_500, 50)]
    public void Reads_abbreviated_counts_with_their_rounding(string text, double value, double uncertainty)
    {
        var read = RawValues.Read(text);

        Assert.Equal(RawValueKind.Value, read.Kind);
        Assert.Equal(value, read.Value, 6);
        Assert.Equal(uncertainty, read.Uncertainty, 6);
        Assert.Null(read.Problem);
    }

    [Theory]
    [InlineData("1,234,567", 1_234_567)]
    [InlineData("1 234 567", 1_234_567)]
    [InlineData("1\u00A0234", 1_234)]
    [InlineData("1\u202F234", 1_234)]
    [InlineData("1,234.5", 1_234.5)]
    [InlineData("  42\t", 42)]
    [InlineData("\u00A0007\u200B", 7)]
    [InlineData("2.50", 2.5)]
    public void Reads_grouped_and_padded_digits_as_exact_counts(string text, double value)
    {
        var read = RawValues.Read(text);

        Assert.Equal(RawValue.Exact(value), read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n")]
    [InlineData("\u00A0")]
    [InlineData("-")]
    [InlineData("–")]
    [InlineData("—")]
    [InlineData("n/a")]
    [InlineData("N/A")]
    public void Reads_empty_text_and_dashes_as_absent_never_zero(string text)
    {
        Assert.Equal(RawValue.Absent, RawValues.Read(text));
    }

    [Fact]
    public void Reads_missing_text_as_absent()
    {
        Assert.Equal(RawValueKind.Absent, RawValues.Read((string?)null).Kind);
    }

    [Theory]
    [InlineData("abc", "'abc' is not a count")]
    [InlineData("1,2", "'1,2' is not a count")]
    [InlineData("1234,567", "'1234,567' is not a count")]
    [InlineData("12,34,567", "'12,34,567' is not a count")]
    [InlineData("1.2.3", "'1.2.3' is not a count")]
    [InlineData("1e5", "'1e5' is not a count")]
    [InlineData("K", "'K' is not a count")]
    [InlineData("this is not a number at all", "'this is not a number…' is not a count")]
    [InlineData("-5", "cannot be negative")]
    [InlineData("-1,234", "cannot be negative")]
    [InlineData("2000000B", "is too large to be a count")]
    public void Refuses_text_that_is_not_a_count_and_says_why(string text, string problem)
    {
        var read = RawValues.Read(text);

        Assert.Equal(RawValue.Invalid(problem), read);
    }

    [Theory]
    [InlineData("12", 12, 0)]
    [InlineData("12.5", 12.5, 0)]
    [InlineData("\"1,234\"", 1_234, 0)]
    [InlineData("\"541.2K\"", 541_200, 50)]
    public void Reads_json_numbers_and_numeric_strings(string json, double value, double uncertainty)
    {
        var read = RawValues.Read(JsonDocument.Parse(json).RootElement);

        Assert.Equal(new RawValue(RawValueKind.Value, value, uncertainty, null), read);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"-\"")]
    public void Reads_json_null_and_empty_strings_as_absent(string json)
    {
        Assert.Equal(RawValue.Absent, RawValues.Read(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void Reads_an_undefined_json_value_as_absent()
    {
        Assert.Equal(RawValue.Absent, RawValues.Read(default(JsonElement)));
    }

    [Theory]
    [InlineData("1e400", "is not a finite number")]
    [InlineData("-3", "cannot be negative")]
    [InlineData("2e15", "is too large to be a count")]
    [InlineData("true", "must be a number, a numeric string or null")]
    [InlineData("{}", "must be a number, a numeric string or null")]
    [InlineData("[1]", "must be a number, a numeric string or null")]
    [InlineData("\"lots\"", "'lots' is not a count")]
    public void Refuses_json_values_that_are_not_counts(string json, string problem)
    {
        var read = RawValues.Read(JsonDocument.Parse(json).RootElement);

        Assert.Equal(RawValueKind.Invalid, read.Kind);
        Assert.Equal(problem, read.Problem);
    }

    [Fact]
    public void An_exact_count_has_no_uncertainty_and_an_absent_one_no_value()
    {
        Assert.Equal(new RawValue(RawValueKind.Value, 5, 0, null), RawValue.Exact(5));
        Assert.Equal(new RawValue(RawValueKind.Absent, 0, 0, null), RawValue.Absent);
        Assert.Equal(new RawValue(RawValueKind.Invalid, 0, 0, "why"), RawValue.Invalid("why"));
    }

    [Fact]
    public void A_stored_observation_is_read_field_by_field()
    {
        var values = RawValues.ReadObject("""{"viewCount": "1,204", "likeCount": null, "note": "ready"}""");

        Assert.Equal(RawValue.Exact(1204), values["viewCount"]);
        Assert.Equal(RawValueKind.Absent, values["likeCount"].Kind);
        Assert.Equal(RawValueKind.Invalid, values["note"].Kind);
    }
}
