using System.Text.Json;
using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class CsvExportTests
{
    private static readonly DateTimeOffset Uploaded = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static MetricMapping Row(string rawName, string canonical, int fromYear) =>
        new(0, null, "instagram", "insights-export", rawName, canonical, MetricScope.Lifetime, 1, MappingCombine.Sum,
            new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, TimeSpan.Zero), null, null);

    private static readonly MappingSet Mappings = new([Row("Likes", "likes", 2020), Row("Impressions", "impressions", 2025)]);

    private static readonly string[] Header = ["Post ID", "Caption", "Likes", "Impressions", "From Home"];

    private static (CsvRow? Row, string? Problem) Read(string[] header, params string[] cells)
    {
        var (layout, problem) = CsvExport.Layout(header, Mappings, "instagram", Uploaded);
        Assert.Null(problem);
        return CsvExport.Read(layout!, header, cells, Mappings, "instagram", "@jamal", Uploaded);
    }

    [Fact]
    public void The_post_id_column_is_found_by_any_of_its_names_ignoring_case_and_the_others_carry_values()
    {
        var (layout, problem) = CsvExport.Layout(["Caption", "media id", "Likes", "observed_at"], Mappings, "instagram", Uploaded);

        Assert.Null(problem);
        Assert.Equal((1, (int?)3), (layout!.PostIdColumn, layout.ObservedAtColumn));
        Assert.Equal(new[] { 0, 2 }, layout.ValueColumns);
    }

    [Fact]
    public void A_post_id_name_earlier_in_the_list_wins_over_a_generic_id_column()
    {
        var (layout, _) = CsvExport.Layout(["id", "Post ID", "Likes"], Mappings, "instagram", Uploaded);

        Assert.Equal(1, layout!.PostIdColumn);
        Assert.Null(layout.ObservedAtColumn);
        Assert.Equal(new[] { 0, 2 }, layout.ValueColumns);
    }

    [Fact]
    public void An_export_without_a_post_id_column_is_refused_naming_the_headers_that_would_do()
    {
        var (layout, problem) = CsvExport.Layout(["Caption", "Likes"], Mappings, "instagram", Uploaded);

        Assert.Null(layout);
        Assert.Equal("No column names the post: add one of 'Post ID', 'post_id', 'postId', 'externalPostId', 'Media ID', 'Video ID', "
                     + "'Tweet ID', 'Pin ID', 'id' with the platform's post id.", problem);
    }

    [Fact]
    public void An_export_without_a_metric_column_in_force_is_refused()
    {
        var june2024 = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        const string expected = "None of the columns is a instagram metric in force at 2024-06-01T00:00:00.0000000+00:00; "
                                + "see GET /api/v1/metrics/mappings?platform=instagram.";

        Assert.Equal(((CsvLayout?)null, expected), CsvExport.Layout(["Post ID", "Caption", "From Home"], Mappings, "instagram", june2024));
        Assert.Equal(((CsvLayout?)null, expected), CsvExport.Layout(["Post ID"], Mappings, "instagram", june2024));
        // Impressions is only mapped from 2025 on.
        Assert.Equal(((CsvLayout?)null, expected), CsvExport.Layout(["Post ID", "Impressions"], Mappings, "instagram", june2024));
    }

    [Fact]
    public void A_row_keeps_its_mapped_cells_and_numeric_unmapped_ones_as_written_and_leaves_text_out()
    {
        var (row, problem) = Read(Header, " p1 ", "Sun, sea #summer", " 1,234 ", "3.9K", "120");

        Assert.Null(problem);
        Assert.Equal(("p1", Uploaded), (row!.PostId, row.ObservedAt));
        Assert.Equal(new[] { "From Home", "Impressions", "Likes" }, row.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "1,234", "3.9K", "120" }, new[] { "Likes", "Impressions", "From Home" }.Select(c => row.Metrics[c].GetString()));
    }

    [Fact]
    public void An_empty_or_missing_mapped_cell_is_an_absent_value_and_an_empty_unmapped_one_is_left_out()
    {
        var (row, _) = Read(Header, "p1", "", "-");

        Assert.Equal(new[] { "Impressions", "Likes" }, row!.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.All(row.Metrics.Values, v => Assert.Equal(JsonValueKind.Null, v.ValueKind));
    }

    [Fact]
    public void A_mapped_cell_that_is_not_a_count_refuses_its_row()
    {
        var (row, problem) = Read(Header, "p1", "", "lots", "10", "");

        Assert.Null(row);
        Assert.Equal("'Likes' 'lots' is not a count.", problem);
    }

    [Fact]
    public void A_row_without_a_post_id_is_refused()
    {
        var (row, problem) = Read(Header, "  ", "", "5", "10", "");

        Assert.Null(row);
        Assert.Equal("The post id is empty.", problem);
    }

    [Fact]
    public void A_row_is_read_at_its_own_time_with_the_mappings_in_force_then()
    {
        string[] header = ["Post ID", "Observed At", "Likes", "Impressions"];

        var (before, _) = Read(header, "p1", "2024-12-31 08:00", "5", "soon");
        var (after, refused) = Read(header, "p1", "2025-01-02T08:00:00Z", "5", "soon");

        Assert.Equal(new DateTimeOffset(2024, 12, 31, 8, 0, 0, TimeSpan.Zero), before!.ObservedAt);
        Assert.Equal(new[] { "Likes" }, before.Metrics.Keys);
        Assert.Null(after);
        Assert.Equal("'Impressions' 'soon' is not a count.", refused);
    }

    [Fact]
    public void A_row_whose_time_cell_is_not_a_time_is_refused()
    {
        var (row, problem) = Read(["Post ID", "Observed At", "Likes"], "p1", "yesterday", "5");

        Assert.Null(row);
        Assert.Equal("'Observed At' is not a time (ISO 8601, e.g. 2025-05-01T10:00:00Z).", problem);
    }

    [Fact]
    public void The_same_row_uploaded_twice_has_the_same_source_event_id_and_another_account_another()
    {
        string[] cells = ["p1", "", "5", "10", ""];
        var layout = CsvExport.Layout(Header, Mappings, "instagram", Uploaded).Layout!;

        var first = CsvExport.Read(layout, Header, cells, Mappings, "instagram", "@jamal", Uploaded).Row!.SourceEventId;
        var again = CsvExport.Read(layout, Header, cells, Mappings, "instagram", "@jamal", Uploaded).Row!.SourceEventId;
        var other = CsvExport.Read(layout, Header, cells, Mappings, "instagram", "@amina", Uploaded).Row!.SourceEventId;

        Assert.Matches("^csv:[0-9A-F]{40}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }
}
