using System.Net;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Embed;

/// <summary>The iframe pages (<c>/embed/…</c>) as a framing site, a reader and a cache see them.</summary>
public class EmbedPageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private const string StoryUrl = "https://almanac.test/on-this-day/" + Samples.MexicoUssr;

    [Fact]
    public async Task EmbedDay_ListsTodaysStoriesWithTheStoryOfTheDayFirst()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/embed/day");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        response.AssertPublicAndCookieFree();
        Assert.Equal("4 August", page.QuerySelector("h1").Text());
        var items = page.QuerySelectorAll("ol.stories > li");
        Assert.Equal(["1924", "1792", "1875", "1914"], items.Select(li => li.QuerySelector(".year").Text()));
        Assert.Equal("featured", items[0].ClassName);
        Assert.All(items.Skip(1), li => Assert.False(li.HasAttribute("class")));
        var first = items[0].QuerySelector("a")!;
        Assert.Equal(StoryUrl, first.GetAttribute("href"));
        Assert.Equal("1924: Diplomatic Relations Established between Mexico and the USSR", first.Text());
        Assert.All(page.QuerySelectorAll("a"), a =>
        {
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Equal("noopener", a.GetAttribute("rel"));
        });
        var more = page.QuerySelector("p.more a")!;
        Assert.Equal("More on Almanac", more.Text());
        Assert.Equal("https://almanac.test/day/august-4", more.GetAttribute("href"));
    }

    [Fact]
    public async Task EmbedDay_IsSelfContainedWithoutTheSiteLayoutOrScripts()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/embed/day");

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Null(page.QuerySelector(".site-header"));
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Single(stylesheets);
        Assert.StartsWith("/css/embed.css", stylesheets[0], StringComparison.Ordinal);
        Assert.Equal("noindex", page.Meta("robots"));
        var css = await app.CreateReaderClient().GetStringAsync(stylesheets[0], TestContext.Current.CancellationToken);
        Assert.Contains("prefers-color-scheme: dark", css, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/embed/day/03-15")]
    [InlineData("/embed/day/march-15")]
    [InlineData("/embed/day/3-15")]
    public async Task EmbedDay_ShowsAChosenDayInEitherForm(string path)
    {
        var page = await app.CreateReaderClient().GetOkPageAsync(path);

        Assert.Equal("15 March", page.QuerySelector("h1").Text());
        var first = page.QuerySelector("ol.stories > li.featured a");
        Assert.Equal("44 BC: Julius Caesar Is Assassinated in the Senate", first.Text());
        Assert.Equal("https://almanac.test/day/march-15", page.QuerySelector("p.more a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/embed/day/13-01")]
    [InlineData("/embed/day/february-30")]
    [InlineData("/embed/story/no-such-story")]
    public async Task EmbedPages_AnswerNotFoundForDaysAndStoriesThatDoNotExist(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/embed/day")]
    [InlineData("/embed/day/08-04")]
    [InlineData("/embed/story/" + Samples.MexicoUssr)]
    [InlineData("/embed/day/13-01")]
    public async Task EmbedPages_MayBeFramedByAnySiteUnderTheSamePolicy(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors *", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/day/august-4")]
    [InlineData("/on-this-day/" + Samples.MexicoUssr)]
    [InlineData("/embedded")]
    [InlineData("/oembed?url=" + StoryUrl)]
    [InlineData("/widget.js")]
    public async Task OtherResponses_StillRefuseEveryFrameAncestor(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors *", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedStory_IsASmallCardLinkingToTheStory()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/embed/story/" + Samples.MexicoUssr);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertPublicAndCookieFree();
        var headline = page.QuerySelector("article.card h1 a")!;
        Assert.Equal("1924: Diplomatic Relations Established between Mexico and the USSR", headline.Text());
        Assert.Equal(StoryUrl, headline.GetAttribute("href"));
        Assert.Equal("_blank", headline.GetAttribute("target"));
        Assert.Equal($"/cover/{Samples.MexicoUssr}/480.webp", page.QuerySelector("article.card img")!.GetAttribute("src"));
        Assert.Equal("1924-08-04", page.QuerySelector("article.card time")!.GetAttribute("datetime"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("article.card .summary").Text()));
        Assert.Equal("Read on Almanac", page.QuerySelector("p.more a").Text());
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task EmbedStory_HidesAStoryThatIsNotPublishedYet()
    {
        await using (var scope = app.OpenDb())
        {
            var story = new Story
            {
                Slug = "1610-embed-scheduled-story",
                Title = "Embed Scheduled Story",
                Kind = StoryKind.Event,
                Date = HistoricalDate.OnDay(1610, 1, 7),
                Summary = "Published tomorrow.",
                Status = StoryStatus.Published,
                PublishedAtUtc = app.Time.GetUtcNow().UtcDateTime.AddDays(1),
                UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
            };
            story.SetBody("Not yet.");
            scope.Db.Stories.Add(story);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var client = app.CreateReaderClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/embed/story/1610-embed-scheduled-story", TestContext.Current.CancellationToken)).StatusCode);
        var day = await client.GetOkPageAsync("/embed/day/01-07");
        Assert.DoesNotContain("Embed Scheduled Story", day.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedDay_IsServedFromTheCacheUntilItsDayIsEvicted()
    {
        var day = new CalendarDay(10, 9);
        var client = app.CreateReaderClient();
        var before = await client.GetOkPageAsync("/embed/day/10-09");
        Assert.DoesNotContain("Embed Cache Story", before.Body!.TextContent, StringComparison.Ordinal);

        await using (var scope = app.OpenDb())
        {
            var story = new Story
            {
                Slug = "1604-embed-cache-story",
                Title = "Embed Cache Story",
                Kind = StoryKind.Event,
                Date = HistoricalDate.OnDay(1604, day.Month, day.Day),
                Summary = "Added after the embed was cached.",
                Status = StoryStatus.Published,
                PublishedAtUtc = app.Time.GetUtcNow().UtcDateTime.AddDays(-1),
                UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
            };
            story.SetBody("Cached.");
            scope.Db.Stories.Add(story);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.DoesNotContain("Embed Cache Story", (await client.GetOkPageAsync("/embed/day/10-09")).Body!.TextContent, StringComparison.Ordinal);
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CacheTags.Day(day), TestContext.Current.CancellationToken);
        Assert.Contains("1604: Embed Cache Story", (await client.GetOkPageAsync("/embed/day/10-09")).Body!.TextContent, StringComparison.Ordinal);
    }
}
