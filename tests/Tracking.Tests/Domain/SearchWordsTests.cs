using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class SearchWordsTests
{
    [Theory]
    [InlineData("Women’s rights", "Women s rights")]
    [InlineData("today—we post", "today we post")]
    [InlineData("「東京」タワー", " 東京 タワー")]
    [InlineData("नमस्ते।", "नमस्ते ")]
    [InlineData("hearings/votes", "hearings votes")]
    [InlineData("snake_case", "snake case")]
    [InlineData("«Bonjour»", " Bonjour ")]
    [InlineData("$5 + 3 = 8", " 5   3   8")]
    [InlineData("a^b", "a b")]
    [InlineData("Sunset 🌅 pier", "Sunset   pier")] // the emoji, outside the BMP, is one symbol and one space
    [InlineData("\"golden hour\" -sunset", " golden hour   sunset")]
    [InlineData("café 42\nline two", "café 42\nline two")]
    public void Indexed_text_keeps_letters_marks_and_digits_and_turns_every_punctuation_or_symbol_into_a_space(string text, string words) =>
        Assert.Equal(words, SearchWords.Of(text));

    [Theory]
    [InlineData("\"golden hour\" -sunset", "\"golden hour\" -sunset")]
    [InlineData("“golden hour”", "\"golden hour\"")]
    [InlineData("„golden hour“", "\"golden hour\"")]
    [InlineData("«golden hour»", "\"golden hour\"")]
    [InlineData("-sunset pier", "-sunset pier")]
    [InlineData("well-known", "well known")]
    [InlineData("\"pier\"-sunset", "\"pier\" sunset")]
    [InlineData("Women’s 🌅", "Women s  ")]
    public void A_search_keeps_its_phrase_quotes_and_excluding_minus_and_separates_everything_else(string typed, string query) =>
        Assert.Equal(query, SearchWords.Query(typed));
}
