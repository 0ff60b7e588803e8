using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CreatorMeta.Contracts;

namespace CreatorMeta.Hashtags.Tests.Identity;

/// <summary>A tag's one spelling, the same wherever it enters, and the same as Unicode's NFKC_Casefold by Python's hand.</summary>
public sealed class HashtagIdentityTests
{
    [Theory]
    [InlineData("#Café", "café")]
    [InlineData("#CAFÉ", "café")]
    [InlineData("  ＃ｃａｆé ", "café")]
    [InlineData("#Cafe\u0301", "café")]
    [InlineData("#STRASSE", "strasse")]
    [InlineData("#Straße", "strasse")]
    [InlineData("#ΟΔΥΣΣΕΥΣ", "οδυσσευσ")]
    [InlineData("#Phở_Hà_Nội", "phở_hà_nội")]
    [InlineData("#МОСКВА", "москва")]
    [InlineData("#東京", "東京")]
    [InlineData("#สวัสดี", "สวัสดี")]
    [InlineData("#नमस्ते", "नमस्ते")]
    [InlineData("#رمضان", "رمضان")]
    [InlineData("#❤️", "❤")]
    [InlineData("#tuncuibap2🌽🌽", "tuncuibap2🌽🌽")]
    [InlineData("#2025goals", "2025goals")]
    public void Spellings_of_one_tag_have_one_identity(string sent, string identity) => Assert.Equal(identity, HashtagNames.Normalize(sent));

    [Theory]
    [InlineData("#cafe", "café")]
    [InlineData("#tbt", "throwback")]
    public void Tags_that_differ_in_letters_stay_apart_for_the_creator_to_join(string one, string other) =>
        Assert.NotEqual(HashtagNames.Normalize(one), HashtagNames.Normalize(other));

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("#2025")]
    [InlineData("#___")]
    [InlineData("#!!!")]
    [InlineData("#summer vibes")]
    [InlineData("#a-b")]
    [InlineData("#\ud800abc")]
    [InlineData("#️⃣")]
    public void What_is_not_a_tag_has_no_identity(string sent) => Assert.Null(HashtagNames.Normalize(sent));

    [Fact]
    public void A_tag_of_a_hundred_characters_is_one_and_longer_is_not_also_once_folded()
    {
        Assert.NotNull(HashtagNames.Normalize("#" + new string('a', HashtagNames.MaxLength)));
        Assert.Null(HashtagNames.Normalize("#" + new string('a', HashtagNames.MaxLength + 1)));
        Assert.Null(HashtagNames.Normalize("#" + new string('ß', 60))); // 120 letters once "ß" is "ss"
    }

    [Fact]
    public void Where_a_platform_ends_a_tag_at_an_emoji_the_tag_is_what_comes_before_it()
    {
        Assert.Equal("sunset🌅", HashtagNames.Normalize("#Sunset🌅", emoji: true));
        Assert.Equal("sunset", HashtagNames.Of(["#Sunset🌅"], "x").Tags.Single());
        Assert.Empty(HashtagNames.Of(["#🌅"], "linkedin").Tags);
    }

    [Fact]
    public async Task The_identity_of_thousands_of_generated_texts_in_every_script_equals_Pythons_NFKC_Casefold()
    {
        var random = new Random(20261122);
        var texts = Enumerable.Range(0, 4000).Select(i => i % 2 == 0 ? Mixed(random) : AnyCodePoints(random)).ToList();

        var reference = await NfkcCasefoldAsync(texts);

        var compared = 0;
        for (var i = 0; i < texts.Count; i++)
            if (reference[i] is { } expected)
            {
                Assert.True(expected == HashtagNames.Identity(texts[i]), $"{Escape(texts[i])}: ours {Escape(HashtagNames.Identity(texts[i]))}, Python's {Escape(expected)}");
                compared++;
            }
        Assert.InRange(compared, 3000, texts.Count); // Python knows nearly all of them: the comparison is not vacuous
        foreach (var text in texts)
            if (HashtagNames.Normalize(text) is { } once)
                Assert.Equal(once, HashtagNames.Normalize(once)); // a stored spelling normalizes to itself
    }

    // Where folding, compatibility forms and marks differ from lower-casing, among ordinary letters of many scripts.
    private static readonly string[] Pieces =
    [
        "ß", "ẞ", "ς", "Σ", "İ", "ı", "ŉ", "ǰ", "ΐ", "ﬁ", "ﬀ", "Ǆ", "ǅ", "µ", "K", "Å", "ſ", "ᾈ", "ᾼ", "ꭰ", "Ꭰ", "ｃａｆé", "①", "㍿", "ﾊﾟ",
        "e\u0301", "Ế", "ệ", "Đ", "Ж", "ё", "Ω", "Ä", "ى", "ة", "\u0640", "東京", "漢", "ก", "\u0e33", "ฯ", "न\u094d", "क्ष", "\u200D", "\u200C",
        "❤\uFE0F", "👍🏽", "🇻🇳", "_", "7", "A", "z", "#", " ", "·",
    ];

    private static string Mixed(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private static string AnyCodePoints(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(1, 6); text.Length < n;)
            if (random.Next(0x30000) is var value && !Rune.IsValid(value) || value < 0x20)
                continue;
            else
                text.Append(char.ConvertFromUtf32(value));
        return text.ToString();
    }

    private static string Escape(string? text) =>
        text is null ? "null" : string.Concat(text.EnumerateRunes().Select(r => r.Value < 0x80 ? r.ToString() : $"\\u{{{r.Value:X}}}"));

    private static async Task<List<string?>> NfkcCasefoldAsync(List<string> texts)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Identity", "nfkc_casefold.py"));
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        await python.StandardInput.WriteAsync(JsonSerializer.Serialize(texts));
        python.StandardInput.Close();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, await errors);
        return JsonSerializer.Deserialize<List<string?>>(await output)!;
    }
}
