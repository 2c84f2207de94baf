using System.Net;
using System.Xml.Linq;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Months;

public class MonthPageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task MonthPage_ShowsEveryDayWithItsStoryOfTheDayAndCount()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/month/august");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test/month/august", "ItemList");
        Assert.Equal("August", page.QuerySelector("h1").Text());
        var days = Cells(page);
        Assert.Equal(31, days.Count);
        Assert.Equal(Enumerable.Range(1, 31).Select(d => $"/day/august-{d}"), days.Select(d => d.QuerySelector("h2 a")?.GetAttribute("href")));

        // 4 August: the Mexico–USSR story (the editor's choice) and the day's four stories (1792, 1875, 1914, 1924).
        var fourth = days[3];
        Assert.Equal("4 August", fourth.QuerySelector("h2 a").Text());
        Assert.Equal($"/on-this-day/{Samples.MexicoUssr}", fourth.QuerySelector(".month-day-story a")?.GetAttribute("href"));
        Assert.Equal("1924: Diplomatic Relations Established between Mexico and the USSR", fourth.QuerySelector(".month-day-story a").Text());
        Assert.Equal("4 stories", fourth.QuerySelector(".month-day-count").Text());

        // 1 August has no story: no headline, and a count that says so.
        Assert.Null(days[0].QuerySelector(".month-day-story"));
        Assert.Equal("No stories yet", days[0].QuerySelector(".month-day-count").Text());

        var ld = page.JsonLd();
        Assert.Equal(31, ld.GetProperty("numberOfItems").GetInt32());
        Assert.Equal("https://almanac.test/day/august-4", ld.GetProperty("itemListElement")[3].GetProperty("url").GetString());
        Assert.Equal(
            [("Almanac", "https://almanac.test/"), ("Months", "https://almanac.test/month"), ("August", "https://almanac.test/month/august")],
            page.Breadcrumbs());
    }

    [Fact]
    public async Task MonthPage_OfFebruaryHas29DaysAndShowsTheLeapDayStoryOnItsOwnDay()
    {
        var days = Cells(await app.CreateReaderClient().GetOkPageAsync("/month/february"));

        Assert.Equal(29, days.Count);
        var leapDay = days[28];
        Assert.Equal("/day/february-29", leapDay.QuerySelector("h2 a")?.GetAttribute("href"));
        Assert.StartsWith("1504: Columbus", leapDay.QuerySelector(".month-day-story a").Text(), StringComparison.Ordinal);
        Assert.Equal("2 stories", leapDay.QuerySelector(".month-day-count").Text());

        // A month has no year, so 28 February keeps only its own stories (it has none in the samples).
        Assert.Equal("No stories yet", days[27].QuerySelector(".month-day-count").Text());
    }

    [Theory]
    [InlineData("august")]
    [InlineData("november")]
    public async Task MonthPage_ChoosesTheSameStoryOfTheDayAsEachDayPage(string month)
    {
        var client = app.CreateReaderClient();
        var days = Cells(await client.GetOkPageAsync($"/month/{month}"));

        foreach (var cell in days)
        {
            var dayPath = cell.QuerySelector("h2 a")!.GetAttribute("href")!;
            var dayPage = await client.GetOkPageAsync(dayPath);
            Assert.Equal(dayPage.QuerySelector("article.featured h2 a")?.GetAttribute("href"), cell.QuerySelector(".month-day-story a")?.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task MonthPage_FallsBackToTheMostRecentEventThenTheMostRecentStory()
    {
        // This test owns September 3 and 5 (no other test here reads September): no editor's choice on either.
        await AddStoryAsync("1700-month-test-old-event", "Old Event", StoryKind.Event, HistoricalDate.OnDay(1700, 9, 3));
        await AddStoryAsync("1800-month-test-new-birth", "New Birth", StoryKind.Birth, HistoricalDate.OnDay(1800, 9, 3));
        await AddStoryAsync("1700-month-test-old-death", "Old Death", StoryKind.Death, HistoricalDate.OnDay(1700, 9, 5));
        await AddStoryAsync("1800-month-test-new-death", "New Death", StoryKind.Death, HistoricalDate.OnDay(1800, 9, 5));

        var days = Cells(await app.CreateReaderClient().GetOkPageAsync("/month/september"));

        Assert.Equal("1700: Old Event", days[2].QuerySelector(".month-day-story a").Text());
        Assert.Equal("2 stories", days[2].QuerySelector(".month-day-count").Text());
        Assert.Equal("1800: New Death", days[4].QuerySelector(".month-day-story a").Text());
    }

    [Fact]
    public async Task MonthPage_CountsOnlyPublishedStories()
    {
        // 12 October is this test's own day: one published story, one draft and one scheduled for later.
        await AddStoryAsync("1650-month-test-published", "Published", StoryKind.Event, HistoricalDate.OnDay(1650, 10, 12));
        await AddStoryAsync("1660-month-test-draft", "Draft", StoryKind.Event, HistoricalDate.OnDay(1660, 10, 12), StoryStatus.Draft);
        await AddStoryAsync("1670-month-test-scheduled", "Scheduled", StoryKind.Event, HistoricalDate.OnDay(1670, 10, 12), publishedAtUtc: app.Time.GetUtcNow().UtcDateTime.AddDays(1));

        var october = Cells(await app.CreateReaderClient().GetOkPageAsync("/month/october"))[11];

        Assert.Equal("1 story", october.QuerySelector(".month-day-count").Text());
        Assert.Equal("1650: Published", october.QuerySelector(".month-day-story a").Text());
    }

    [Theory]
    [InlineData("/month/8")]
    [InlineData("/month/08")]
    [InlineData("/month/August")]
    [InlineData("/month/AUGUST")]
    public async Task MonthPage_RedirectsOtherSpellingsToTheLowerCaseName(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/month/august", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/month/13")]
    [InlineData("/month/0")]
    [InlineData("/month/00")]
    [InlineData("/month/008")]
    [InlineData("/month/-1")]
    [InlineData("/month/smarch")]
    [InlineData("/month/august-4")]
    public async Task MonthPage_RefusesMonthsThatDoNotExist(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("january", "/month/december", "/month/february")]
    [InlineData("december", "/month/november", "/month/january")]
    public async Task MonthPage_StepsToTheNeighbouringMonthsAroundTheYear(string month, string previous, string next)
    {
        var page = await app.CreateReaderClient().GetOkPageAsync($"/month/{month}");

        Assert.Equal(previous, page.QuerySelector(".date-nav a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal(next, page.QuerySelector(".date-nav a[rel=next]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task DayPage_LinksToItsMonth()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/february-29");

        var link = page.QuerySelector("nav.date-nav a.date-nav-month");
        Assert.Equal("/month/february", link?.GetAttribute("href"));
        Assert.Equal("All of February", link.Text());
    }

    [Fact]
    public async Task MonthIndex_ListsTheTwelveMonthsWithTheirStoryCounts()
    {
        var client = app.CreateReaderClient();
        var (response, page) = await client.GetPageAsync("/month");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test/month", "ItemList");
        var months = page.QuerySelectorAll("ol.month-index > li").ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], months.Select(m => m.QuerySelector("a").Text()));
        Assert.Equal("/month/august", months[7].QuerySelector("a")?.GetAttribute("href"));

        // The index agrees with the month page's own cells.
        var august = Cells(await client.GetOkPageAsync("/month/august"));
        int total = august.Sum(d => int.TryParse(d.QuerySelector(".month-day-count").Text().Split(' ')[0], out int n) ? n : 0);
        Assert.True(total > 4);
        Assert.Equal($"{total} stories", months[7].QuerySelector("span").Text());
    }

    [Fact]
    public async Task Sitemap_ListsTheMonthPages()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urlset = XDocument.Parse(await app.CreateReaderClient().GetStringAsync("/sitemaps/pages.xml", TestContext.Current.CancellationToken)).Root!;

        var locs = urlset.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains("https://almanac.test/month", locs);
        Assert.Equal(12, locs.Count(l => l.StartsWith("https://almanac.test/month/", StringComparison.Ordinal)));
        Assert.Contains("https://almanac.test/month/february", locs);
    }

    [Fact]
    public async Task MonthPage_IsServedFromTheCacheUntilOneOfItsDaysIsEvicted()
    {
        // This test owns June: no other test here reads it.
        var client = app.CreateReaderClient();
        Assert.Equal("No stories yet", Cells(await client.GetOkPageAsync("/month/june"))[2].QuerySelector(".month-day-count").Text());

        await AddStoryAsync("1492-month-cache-test", "Month Cache Test", StoryKind.Event, HistoricalDate.OnDay(1492, 6, 3));

        // Still the cached copy, also after evicting a day of another month.
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        await store.EvictByTagAsync(CacheTags.Day(new CalendarDay(7, 3)), TestContext.Current.CancellationToken);
        Assert.Equal("No stories yet", Cells(await client.GetOkPageAsync("/month/june"))[2].QuerySelector(".month-day-count").Text());

        // An edit on 3 June evicts that day's tag: the month page refreshes with it.
        await store.EvictByTagAsync(CacheTags.Day(new CalendarDay(6, 3)), TestContext.Current.CancellationToken);
        var june3 = Cells(await client.GetOkPageAsync("/month/june"))[2];
        Assert.Equal("1 story", june3.QuerySelector(".month-day-count").Text());
        Assert.Equal("1492: Month Cache Test", june3.QuerySelector(".month-day-story a").Text());
    }

    private static List<IElement> Cells(IDocument page) => [.. page.QuerySelectorAll("ol.month-grid > li")];

    private async Task AddStoryAsync(string slug, string title, StoryKind kind, HistoricalDate date, StoryStatus status = StoryStatus.Published, DateTime? publishedAtUtc = null)
    {
        await using var scope = app.OpenDb();
        var story = new Story
        {
            Slug = slug,
            Title = title,
            Kind = kind,
            Date = date,
            Summary = "A story that exists for the month page tests.",
            Status = status,
            PublishedAtUtc = publishedAtUtc ?? app.Time.GetUtcNow().UtcDateTime.AddDays(-1),
            UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
        };
        story.SetBody("A test story.");
        scope.Db.Stories.Add(story);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
