using System.Net;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Listings;

public class ListingPageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Theory]
    [InlineData("/kind/birth", "Births")]
    [InlineData("/kind/observance", "Observances")]
    [InlineData("/topic/mexico", "Mexico")]
    [InlineData("/category/politics-government", "Politics & Government")]
    public async Task ListingPage_ShowsItsStoriesInTimeOrder(string path, string heading)
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test" + path, "ItemList");
        Assert.Equal(heading, page.QuerySelector("h1").Text());
        var years = page.QuerySelectorAll("ol.timeline .timeline-year").Select(y => y.Text()).ToList();
        Assert.NotEmpty(years);
        var numbers = years.Select(YearNumber).ToList();
        Assert.Equal(numbers.Order(), numbers);
    }

    [Fact]
    public async Task TopicPage_ListsEveryStoryOfTheTopic()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/topic/mexico");

        var links = page.QuerySelectorAll("ol.timeline h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/on-this-day/" + Samples.MexicoUssr, links);
        Assert.True(links.Count >= 3);
    }

    [Fact]
    public async Task KindPage_IsPaginatedWithLinksBothWays()
    {
        var first = await app.CreateReaderClient().GetOkPageAsync("/kind/event");
        Assert.Equal(30, first.QuerySelectorAll("ol.timeline > li").Length);
        Assert.Equal("/kind/event?page=2", first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));

        var (response, second) = await app.CreateReaderClient().GetPageAsync("/kind/event?page=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://almanac.test/kind/event?page=2", second.Canonical());
        Assert.Equal("/kind/event", second.QuerySelector(".pager a[rel=prev]")?.GetAttribute("href"));
        Assert.Empty(first.QuerySelectorAll("ol.timeline h2 a").Select(a => a.GetAttribute("href"))
            .Intersect(second.QuerySelectorAll("ol.timeline h2 a").Select(a => a.GetAttribute("href"))));
    }

    [Theory]
    [InlineData("/kind/event?page=-5")]
    [InlineData("/kind/event?page=99999")]
    [InlineData("/kind/event?page=abc")]
    public async Task ListingPage_ToleratesOddPageNumbers(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/kind/battle")]
    [InlineData("/topic/no-such-topic")]
    [InlineData("/category/no-such-category")]
    public async Task ListingPage_Of_Unknown_Is404(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static int YearNumber(string label) =>
        label.EndsWith(" BC", StringComparison.Ordinal) ? 1 - int.Parse(label[..^3], System.Globalization.CultureInfo.InvariantCulture)
        : int.Parse(label.Replace("AD ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
