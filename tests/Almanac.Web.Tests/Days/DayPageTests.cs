using System.Net;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Days;

public class DayPageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task DayPage_DescribesItsStoriesAsAnItemListWithABreadcrumb()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/august-4");

        var list = page.JsonLd();
        Assert.Equal("ItemList", list.GetProperty("@type").GetString());
        var items = list.GetProperty("itemListElement").EnumerateArray().ToList();
        var shown = page.QuerySelectorAll("main a[href^='/on-this-day/']").Select(a => a.GetAttribute("href")).Distinct().Count();
        Assert.Equal(shown, items.Count);
        Assert.Equal(shown, list.GetProperty("numberOfItems").GetInt32());
        Assert.Equal("https://almanac.test/on-this-day/" + Samples.MexicoUssr, items[0].GetProperty("url").GetString());
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("position").GetInt32()));
        Assert.Equal([("Almanac", "https://almanac.test/"), ("4 August", "https://almanac.test/day/august-4")], page.Breadcrumbs());
    }

    [Fact]
    public async Task DayPage_ShowsTheDayWithItsStoryOfTheDay()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/day/november-7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test/day/november-7", "ItemList");
        Assert.Equal("7 November", page.QuerySelector("h1").Text());
        // The October Revolution is recorded Old Style (25 October) and placed on its Gregorian day.
        var featured = page.QuerySelector("article.featured");
        Assert.Contains("1917", featured.Text(), StringComparison.Ordinal);
        Assert.Contains("25 October (O.S.) / 7 November 1917", featured.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/day/08-04", "/day/august-4")]
    [InlineData("/day/8-4", "/day/august-4")]
    [InlineData("/day/August-4", "/day/august-4")]
    [InlineData("/day/02-29", "/day/february-29")]
    public async Task DayPage_RedirectsOtherSpellingsPermanently(string path, string location)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/day/february-30")]
    [InlineData("/day/13-01")]
    [InlineData("/day/someday")]
    [InlineData("/day/%3Cscript%3E")]
    [InlineData("/on-this-day/no-such-story")]
    [InlineData("/nowhere")]
    public async Task UnknownPages_GetTheHelpful404Page(string path)
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("This page is lost to history", page.QuerySelector("h1").Text());
        Assert.NotNull(page.QuerySelector("a[href='/']"));
        Assert.NotNull(page.QuerySelector("form[action='/day']"));
    }

    [Fact]
    public async Task LeapDay_HasItsOwnPage()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/february-29");

        Assert.Equal("29 February", page.QuerySelector("h1").Text());
        Assert.NotNull(page.QuerySelector("article.featured"));
    }

    [Theory]
    [InlineData("/day?month=2&day=31", "/day/february-29")]
    [InlineData("/day?month=8&day=4", "/day/august-4")]
    [InlineData("/day?month=13&day=4", "/")]
    [InlineData("/day?month=x", "/")]
    public async Task MonthPicker_GoesToTheChosenDay(string path, string location)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DayPage_WithoutStoriesSaysSoAndOffersTheNeighbours()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/june-3");

        Assert.Contains("No stories have been published", page.QuerySelector(".empty").Text(), StringComparison.Ordinal);
    }
}

/// <summary>The site in 2026, a common year: 28 February also lists the 29 February stories.</summary>
public sealed class CommonYearApp() : AlmanacApp(new DateTimeOffset(2026, 2, 28, 12, 0, 0, TimeSpan.Zero));

public class LeapDayTests(CommonYearApp app) : IClassFixture<CommonYearApp>
{
    [Fact]
    public async Task DayPage_ShowsLeapDayStoriesOnFebruary28InCommonYears()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/february-28");

        var leap = page.QuerySelectorAll(".badge-leap").ToList();
        Assert.NotEmpty(leap);
        Assert.All(leap, b => Assert.Equal("Leap-day story (29 February)", b.Text()));
        Assert.Contains("1504", page.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_OnFebruary28OfACommonYearIncludesTheLeapDay()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/");

        Assert.Equal("Today, 28 February", page.QuerySelector("h1").Text());
        Assert.NotEmpty(page.QuerySelectorAll(".badge-leap"));
    }

    [Fact]
    public async Task LeapDayPage_DoesNotMarkItsOwnStories()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/february-29");

        Assert.Empty(page.QuerySelectorAll(".badge-leap"));
    }
}
