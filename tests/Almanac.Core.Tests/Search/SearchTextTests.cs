using Almanac.Core.Search;

namespace Almanac.Core.Tests.Search;

public class SearchTextTests
{
    [Fact]
    public void Words_AreQuotedAndTheLastOneIsAPrefix()
    {
        var parsed = SearchText.Parse("mexico ussr 19");

        Assert.Equal(["mexico", "ussr", "19"], parsed.Terms.Select(t => t.Text));
        Assert.Equal("\"mexico\" \"ussr\" \"19\"*", parsed.ToFts5());
    }

    [Fact]
    public void ATrailingSpace_TurnsPrefixMatchingOff()
    {
        Assert.Equal("\"obregon\"", SearchText.Parse("obregon ").ToFts5());
    }

    [Fact]
    public void QuotedPhrases_StayTogetherAndAreNeverPrefixes()
    {
        var parsed = SearchText.Parse("war \"treaty   of rome\"");

        Assert.Equal(2, parsed.Terms.Count);
        Assert.True(parsed.Terms[1].IsPhrase);
        Assert.Equal("\"war\" \"treaty of rome\"", parsed.ToFts5());
    }

    [Fact]
    public void AnUnbalancedQuote_IsIgnored()
    {
        Assert.Equal("\"treaty\" \"of\" \"rome\"*", SearchText.Parse("\"treaty of rome").ToFts5());
    }

    [Theory]
    [InlineData("\"*:(NEAR", "\"*:(NEAR\"*")]
    [InlineData("title:caesar OR brutus", "\"title:caesar\" \"OR\" \"brutus\"*")]
    [InlineData("NEAR(a b) -c", "\"NEAR(a\" \"b)\" \"-c\"")]
    [InlineData("a AND NOT b*", "\"a\" \"AND\" \"NOT\" \"b*\"")]
    [InlineData("^start {col}", "\"^start\" \"{col}\"*")]
    public void Fts5Syntax_IsOnlyEverText(string input, string expected)
    {
        Assert.Equal(expected, SearchText.Parse(input).ToFts5());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("* : ( ) - \"")]
    [InlineData("\u0000\u0007")]
    public void EmptyOrPunctuationOnly_GivesNoTerms(string? input)
    {
        Assert.True(SearchText.Parse(input).IsEmpty);
        Assert.Equal("", SearchText.Parse(input).ToFts5());
    }

    [Fact]
    public void LongInput_IsCutToTheLimitAndSaysSo()
    {
        var parsed = SearchText.Parse(new string('a', 150) + " " + new string('b', 150));

        Assert.True(parsed.WasShortened);
        Assert.Equal(SearchText.MaxLength, parsed.Text.Length);
        Assert.False(SearchText.Parse("caesar").WasShortened);
    }

    [Fact]
    public void TermsBeyondTheLimit_AreDroppedAndNoneIsAPrefix()
    {
        var parsed = SearchText.Parse(string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}")));

        Assert.Equal(SearchText.MaxTerms, parsed.Terms.Count);
        Assert.True(parsed.DroppedTerms);
        Assert.DoesNotContain(parsed.Terms, t => t.IsPrefix);
    }

    [Fact]
    public void OneLetterLastWord_IsMatchedWhole()
    {
        Assert.False(SearchText.Parse("world war i").Terms[^1].IsPrefix);
    }

    [Fact]
    public void HighlightMarkersTypedByTheReader_AreRemoved()
    {
        var parsed = SearchText.Parse($"a{SearchText.MarkStart}b{SearchText.MarkEnd}");

        Assert.Equal(["a", "b"], parsed.Terms.Select(t => t.Text));
    }

    [Theory]
    [InlineData("1924", 1924)]
    [InlineData("44 BC", -43)]
    [InlineData("44-bc", -43)]
    [InlineData("AD 79", 79)]
    [InlineData(" 1 bc ", 0)]
    public void Years_AreReadAsReadersWriteThem(string text, int expected)
    {
        Assert.True(SearchYear.TryParse(text, out int year, out _));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("last year")]
    [InlineData("44 BCX")]
    [InlineData("99999")]
    public void BadYears_GetASentence(string text)
    {
        Assert.False(SearchYear.TryParse(text, out _, out var error));
        Assert.Contains("is not a year", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_EncodesTextAndTurnsOnlyMarkersIntoMarks()
    {
        var html = SearchMarkup.ToHtml($"<script>x</script> {SearchText.MarkStart}Obregón{SearchText.MarkEnd} & <mark>{SearchText.MarkStart}open");

        Assert.Equal("&lt;script&gt;x&lt;/script&gt; <mark>Obregón</mark> &amp; &lt;mark&gt;<mark>open</mark>", html);
    }
}
