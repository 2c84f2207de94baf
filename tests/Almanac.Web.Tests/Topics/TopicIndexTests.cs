using Almanac.Web.Features.Topics;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Topics;

public class TopicIndexTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task TopicIndex_ListsEveryTopicUnderItsLetterWithItsCount()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/topics");

        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test/topics", "ItemList");
        var entries = page.QuerySelectorAll("ul.topic-index li");
        Assert.Equal(211, entries.Length);
        var letters = page.QuerySelectorAll("section.topic-letter h2").Select(h => h.Text()).ToList();
        Assert.Equal(letters, page.QuerySelectorAll("nav.letter-nav a").Select(a => a.Text()).ToList());
        Assert.Equal(letters.Order(StringComparer.Ordinal).ToList(), letters.Where(l => l != "#").ToList());

        // "Álvaro Obregón" sorts under A, and links to his topic page.
        var a = page.QuerySelector("section.topic-letter:has(h2#letter-a)")!;
        var obregon = a.QuerySelectorAll("li").Single(li => li.Text().StartsWith("Álvaro Obregón", StringComparison.Ordinal));
        Assert.Equal("/topic/alvaro-obregon", obregon.QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith("1 story", obregon.Text(), StringComparison.Ordinal);
        var mexico = page.QuerySelectorAll("ul.topic-index li").Single(li => li.QuerySelector("a")!.Text() == "Mexico");
        Assert.Matches(@"\d+ stor(y|ies)$", mexico.Text());
    }

    [Theory]
    [InlineData("Álvaro Obregón", "A")]
    [InlineData("Émile Zola", "E")]
    [InlineData("   örebro", "O")]
    [InlineData("1848 revolutions", "#")]
    public void Letter_FoldsAccentsAndGroupsDigitsApart(string name, string letter) =>
        Assert.Equal(letter, TopicsModel.Letter(name));
}
