using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class CsvParserTests
{
    [Fact]
    public void Reads_an_export_with_a_byte_order_mark_crlf_line_ends_and_quoted_commas_and_line_breaks()
    {
        var table = CsvParser.Parse("\uFEFFPost ID, Caption ,Likes\r\np1,\"Sun, sea\",\"1,234\"\r\np2,\"two\r\nlines\",7\r\np3,,\r\n");

        Assert.Equal(new[] { "Post ID", "Caption", "Likes" }, table.Header);
        Assert.Equal(new[] { 2, 3, 5 }, table.Rows.Select(r => r.Line));
        Assert.Equal(new[] { "p1", "Sun, sea", "1,234" }, table.Rows[0].Cells);
        Assert.Equal(new[] { "p2", "two\r\nlines", "7" }, table.Rows[1].Cells);
        Assert.Equal(new[] { "p3", "", "" }, table.Rows[2].Cells);
    }

    [Fact]
    public void A_row_of_nothing_but_empty_cells_is_not_a_row()
    {
        var table = CsvParser.Parse("Post ID,Likes\np1,5\n,\n , \n");

        var row = Assert.Single(table.Rows);
        Assert.Equal((2, "p1"), (row.Line, row.Cells[0]));
    }

    [Fact]
    public void Rows_keep_the_line_they_start_on_counting_empty_lines()
    {
        var table = CsvParser.Parse("Post ID,Likes\n\np1,5\n");

        Assert.Equal(3, Assert.Single(table.Rows).Line);
    }

    [Fact]
    public void A_header_alone_has_no_rows()
    {
        var table = CsvParser.Parse("Post ID,Likes\n");

        Assert.Equal(new[] { "Post ID", "Likes" }, table.Header);
        Assert.Empty(table.Rows);
    }
}
