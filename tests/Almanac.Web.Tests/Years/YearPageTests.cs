using System.Net;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Years;

public class YearPageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task YearPage_ListsTheYearsStoriesInDateOrder()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/year/1917");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test/year/1917", "ItemList");
        Assert.Equal("1917", page.QuerySelector("h1").Text());
        var titles = page.QuerySelectorAll("ol.timeline h2").Select(h => h.Text()).ToList();
        Assert.Equal(2, titles.Count);
        Assert.Contains("Nicholas II", titles[0], StringComparison.Ordinal);
        Assert.Contains("October Revolution", titles[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearPage_ShowsStoriesOfEveryPrecision()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/year/1450");

        Assert.Contains("c. 1450", page.QuerySelector("ol.timeline").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearPage_OfABcYear()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/year/44-bc");

        Assert.Equal("44 BC", page.QuerySelector("h1").Text());
        Assert.Contains("Julius Caesar", page.QuerySelector("ol.timeline").Text(), StringComparison.Ordinal);
        Assert.Equal("/year/45-bc", page.QuerySelector(".date-nav a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/year/43-bc", page.QuerySelector(".date-nav a[rel=next]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task YearPage_StepsFrom1BcToAd1()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/year/1-bc");

        Assert.Equal("/year/1", page.QuerySelector(".date-nav a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("AD 1 →", page.QuerySelector(".date-nav a[rel=next]").Text());
    }

    [Theory]
    [InlineData("/year/0")]
    [InlineData("/year/0-bc")]
    [InlineData("/year/-43")]
    [InlineData("/year/abc")]
    [InlineData("/year/99999")]
    public async Task YearPage_RefusesYearsThatDoNotExist(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task YearPage_RedirectsOtherSpellings()
    {
        var response = await app.CreateReaderClient().GetAsync("/year/44-BC", TestContext.Current.CancellationToken);
        var ad = await app.CreateReaderClient().GetAsync("/year/ad-1924", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/year/44-bc", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, ad.StatusCode);
        Assert.Equal("/year/1924", ad.Headers.Location?.OriginalString);
    }
}
