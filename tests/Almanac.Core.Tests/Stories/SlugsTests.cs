using Almanac.Core.Stories;

namespace Almanac.Core.Tests.Stories;

public class SlugsTests
{
    [Theory]
    [InlineData("Álvaro Obregón", "alvaro-obregon")]
    [InlineData("Politics & Government", "politics-government")]
    [InlineData("  Straße --- der  Einheit ", "strasse-der-einheit")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("An Assassin's Attack", "an-assassins-attack")]
    public void From_MakesLowerCaseAsciiSlugs(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void ForStory_StartsWithTheYearPageSegment()
    {
        Assert.Equal("1924-diplomatic-relations-established-between-mexico-and-the-ussr",
            Slugs.ForStory(1924, "Diplomatic Relations Established between Mexico and the USSR"));
        Assert.Equal("44-bc-julius-caesar-is-assassinated", Slugs.ForStory(-43, "Julius Caesar Is Assassinated"));
    }

    [Fact]
    public void From_CapsTheLength() =>
        Assert.True(Slugs.From(string.Concat(Enumerable.Repeat("history ", 100))).Length <= Slugs.MaxLength);
}
