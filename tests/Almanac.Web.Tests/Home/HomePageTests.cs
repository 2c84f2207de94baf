using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Home;

public class HomePageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task HomePage_ShowsTheStoryOfTheDayLargeWithItsRoundAnniversary()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/");

        Assert.Equal("Today, 4 August", page.QuerySelector("h1").Text());
        var featured = page.QuerySelector("article.featured");
        Assert.NotNull(featured);
        Assert.Contains("1924: Diplomatic Relations Established between Mexico and the USSR", featured.QuerySelector("h2").Text(), StringComparison.Ordinal);
        Assert.Contains("100 years ago", featured.Text(), StringComparison.Ordinal);
        Assert.Contains("100-year anniversary", featured.Text(), StringComparison.Ordinal);
        Assert.NotNull(featured.QuerySelector("img[srcset][width='1200'][height='630']"));
    }

    [Fact]
    public async Task HomePage_GroupsTheOtherStoriesByKindInYearOrder()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/");

        var groups = page.QuerySelectorAll("section.day-group").ToList();
        Assert.True(groups.Count >= 3, "4 August has events, births and deaths");
        Assert.Equal(["Events", "Births", "Deaths"], groups.Select(g => g.QuerySelector("h2").Text()).Take(3));
        foreach (var group in groups)
        {
            var items = group.QuerySelectorAll("ol.timeline > li").ToList();
            Assert.NotEmpty(items);
            Assert.All(items, li => Assert.Matches(@"\d+ years ago|this year", li.QuerySelector(".meta").Text()));
        }

        // The story of the day is not listed twice.
        Assert.DoesNotContain(page.QuerySelectorAll("section.day-group a"), a => a.GetAttribute("href") == $"/on-this-day/{Samples.MexicoUssr}");
    }

    [Fact]
    public async Task HomePage_StatesItsDateAndHasCanonicalMetadata()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/");

        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test/", "ItemList");
        Assert.Equal("2024-08-04", page.QuerySelector("[data-today]")?.GetAttribute("data-today"));
        Assert.Equal("Showing Sunday 4 August 2024, today in the site's time zone (UTC).", page.QuerySelector(".today-note").Text());
        Assert.Equal("2024-08-04", page.QuerySelector(".today-note time")?.GetAttribute("datetime"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/today.js']"));
        Assert.Equal("https://almanac.test/cover/" + Samples.MexicoUssr + "/1200.png", page.Meta("og:image"));
    }

    [Fact]
    public async Task HomePage_HasADateNavigatorThatWorksWithoutJavaScript()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/");

        var nav = page.QuerySelector("nav.date-nav");
        Assert.NotNull(nav);
        Assert.Equal("/day/august-3", nav.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/day/august-5", nav.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        var form = nav.QuerySelector("form");
        Assert.Equal("get", form?.GetAttribute("method"));
        Assert.Equal("/day", form?.GetAttribute("action"));
        Assert.Equal("8", form?.QuerySelector("select[name=month] option[selected]")?.GetAttribute("value"));
    }
}

/// <summary>A site configured for a zone far ahead of UTC.</summary>
public sealed class KiritimatiApp() : AlmanacApp(new DateTimeOffset(2024, 8, 3, 12, 0, 0, TimeSpan.Zero))
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Site:TimeZone", "Pacific/Kiritimati")];
}

public class HomePageTimeZoneTests(KiritimatiApp app) : IClassFixture<KiritimatiApp>
{
    [Fact]
    public async Task HomePage_UsesTheConfiguredTimeZoneForToday()
    {
        // The app's clock says 12:00 UTC on 3 August: 02:00 on 4 August at UTC+14.
        var page = await app.CreateReaderClient().GetOkPageAsync("/");

        Assert.Equal("Today, 4 August", page.QuerySelector("h1").Text());
        Assert.Equal("2024-08-04", page.QuerySelector("[data-today]")?.GetAttribute("data-today"));
        Assert.Contains("(Pacific/Kiritimati)", page.QuerySelector(".today-note").Text(), StringComparison.Ordinal);
    }
}
