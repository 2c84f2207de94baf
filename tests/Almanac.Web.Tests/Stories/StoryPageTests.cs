using System.Net;
using Almanac.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Almanac.Web.Tests.Stories;

public class StoryPageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private const string Path = "/on-this-day/" + Samples.MexicoUssr;

    [Fact]
    public async Task StoryPage_HasThePartsOfTheSeedPageInOrder()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync(Path);
        var article = page.QuerySelector("article.story")!;

        // 1 day header, 2 title, 3 photo and credit, 4 highlights, 5 body, 6 sources and tags, 7 share, 8 comments; 9 related follows.
        string[] order = ["p.story-day", "h1", "figure.story-figure", "aside.highlights", "div.story-body", "footer.story-footer", "section.share", "section.comments"];
        var positions = order.Select(selector =>
        {
            var element = article.QuerySelector(selector);
            Assert.True(element is not null, $"{selector} is missing");
            return Array.IndexOf(article.QuerySelectorAll("*").ToArray(), element);
        }).ToList();
        Assert.Equal(positions.Order(), positions);
        var related = page.QuerySelector("aside.related");
        Assert.NotNull(related);
        Assert.True(related.CompareDocumentPosition(article).HasFlag(AngleSharp.Dom.DocumentPositions.Preceding));
    }

    [Fact]
    public async Task StoryPage_ShowsDayHeaderTitleImageAndHighlights()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync(Path);

        var dayLink = page.QuerySelector("p.story-day a");
        Assert.Equal("04.08.", dayLink.Text());
        Assert.Equal("/day/august-4", dayLink?.GetAttribute("href"));
        Assert.Equal("1924: Diplomatic Relations Established between Mexico and the USSR", page.QuerySelector("h1").Text());

        var img = page.QuerySelector("figure.story-figure img")!;
        Assert.Null(img.GetAttribute("loading")); // the main picture of the page loads at once
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Equal("1200", img.GetAttribute("width"));
        Assert.Equal("630", img.GetAttribute("height"));
        Assert.Contains("480w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Contains("1200w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
        Assert.Equal("Illustration: Almanac", page.QuerySelector("figure.story-figure figcaption.credit").Text());

        var highlights = page.QuerySelectorAll("aside.highlights li").Select(li => li.Text()).ToList();
        Assert.Equal("Story Highlights", page.QuerySelector("aside.highlights h2").Text());
        Assert.Equal("Historical event", highlights[0]);
        Assert.StartsWith("4 August 1924", highlights[1], StringComparison.Ordinal);
        Assert.True(highlights[2].Length > 40, "the summary follows the date");
    }

    [Fact]
    public async Task StoryPage_LinksSourcesTopicsCategoriesAndSharesWithoutScripts()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync(Path);

        Assert.NotEmpty(page.QuerySelectorAll("section.sources a[href^='https://']"));
        Assert.Contains(page.QuerySelectorAll("dl.tags a"), a => a.GetAttribute("href") == "/topic/mexico");
        Assert.Contains(page.QuerySelectorAll("dl.tags a"), a => a.GetAttribute("href") == "/category/politics-government");
        var share = page.QuerySelectorAll("section.share a").ToList();
        Assert.True(share.Count >= 3);
        Assert.All(share, a => Assert.Contains(Uri.EscapeDataString("https://almanac.test" + Path), a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src"), StringComparison.Ordinal));
        Assert.Equal("Comments", page.QuerySelector("section.comments h2").Text());
    }

    [Fact]
    public async Task StoryPage_ListsRelatedStoriesButNeverItself()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync(Path);

        var related = page.QuerySelectorAll("aside.related ul.cards a").Select(a => a.GetAttribute("href")).ToList();
        Assert.InRange(related.Count, 3, 6);
        Assert.DoesNotContain(Path, related);
        Assert.Equal(related.Count, related.Distinct().Count());
        // Stories sharing topics come first: Trotsky's death in Mexico shares "Mexico" and "Soviet Union".
        Assert.Contains("/on-this-day/1940-leon-trotsky-dies-in-mexico-city-after-an-assassins-attack", related.Take(3));
    }

    [Fact]
    public async Task StoryPage_LinksThePreviousAndNextStoryOfTheSameDay()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync(Path);

        var prev = page.QuerySelector(".day-neighbours a[rel=prev]")?.GetAttribute("href");
        var next = page.QuerySelector(".day-neighbours a[rel=next]")?.GetAttribute("href");
        Assert.StartsWith("/on-this-day/1914-", prev, StringComparison.Ordinal);
        Assert.Null(next);
    }

    [Fact]
    public async Task StoryPage_DescribesItselfAsArticleAboutAnEvent()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync(Path);

        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test" + Path);
        Assert.Equal("article", page.Meta("og:type"));
        Assert.Equal("summary_large_image", page.Meta("twitter:card"));
        var ld = page.JsonLd();
        Assert.Equal("1924: Diplomatic Relations Established between Mexico and the USSR", ld.GetProperty("headline").GetString());
        Assert.Equal("Event", ld.GetProperty("about").GetProperty("@type").GetString());
        Assert.Equal("1924-08-04", ld.GetProperty("about").GetProperty("startDate").GetString());
        Assert.Equal("https://almanac.test/cover/" + Samples.MexicoUssr + "/1200.png", ld.GetProperty("image").GetProperty("url").GetString());
        Assert.Equal(1200, ld.GetProperty("image").GetProperty("width").GetInt32());
        Assert.Equal(630, ld.GetProperty("image").GetProperty("height").GetInt32());
        Assert.True(DateTimeOffset.TryParse(ld.GetProperty("datePublished").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.True(DateTimeOffset.TryParse(ld.GetProperty("dateModified").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.False(string.IsNullOrEmpty(ld.GetProperty("author").GetProperty("name").GetString()));
        var publisher = ld.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("Almanac", publisher.GetProperty("name").GetString());
        Assert.Equal("https://almanac.test/favicon.svg", publisher.GetProperty("logo").GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/on-this-day/1756-wolfgang-amadeus-mozart-is-born-in-salzburg", "Wolfgang Amadeus Mozart", "birthDate", "1756-01-27")]
    [InlineData("/on-this-day/1649-king-charles-i-is-beheaded-outside-the-banqueting-house", "Charles I", "deathDate", "1649-02-09")]
    public async Task StoryPage_OfABirthOrDeathIsAboutAPerson(string path, string name, string dateProperty, string date)
    {
        var about = (await app.CreateReaderClient().GetOkPageAsync(path)).JsonLd().GetProperty("about");

        Assert.Equal("Person", about.GetProperty("@type").GetString());
        Assert.Equal(name, about.GetProperty("name").GetString());
        Assert.Equal(date, about.GetProperty(dateProperty).GetString());
    }

    [Fact]
    public async Task StoryPage_HasABreadcrumbTrailThroughItsDay()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync(Path);

        Assert.Equal(
            [("Almanac", "https://almanac.test/"), ("4 August", "https://almanac.test/day/august-4"),
             ("1924: Diplomatic Relations Established between Mexico and the USSR", "https://almanac.test" + Path)],
            page.Breadcrumbs());
    }

    [Fact]
    public async Task StoryPage_ShowsOldStyleDatesWithBothReadings()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/november-7");
        var link = page.QuerySelector("article.featured h2 a")!.GetAttribute("href")!;

        var story = await app.CreateReaderClient().GetOkPageAsync(link);

        Assert.Equal("07.11.", story.QuerySelector("p.story-day a").Text());
        Assert.Contains("25 October (O.S.) / 7 November 1917", story.QuerySelector("aside.highlights").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryPage_OfABcStoryShowsTheHistoricalYear()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/on-this-day/44-bc-julius-caesar-is-assassinated-in-the-senate");

        Assert.Equal("44 BC: Julius Caesar Is Assassinated in the Senate", page.QuerySelector("h1").Text());
        Assert.Contains("15 March 44 BC", page.QuerySelector("aside.highlights").Text(), StringComparison.Ordinal);
        Assert.Contains("2067 years ago", page.QuerySelector("aside.highlights").Text().Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("-0043-03-15", page.JsonLd().GetProperty("about").GetProperty("startDate").GetString());
    }

    [Theory]
    [InlineData(480, "webp", "image/webp")]
    [InlineData(1200, "png", "image/png")]
    public async Task Cover_IsServedInTheFixedSizes(int width, string format, string contentType)
    {
        var response = await app.CreateReaderClient().GetAsync($"/cover/{Samples.MexicoUssr}/{width}.{format}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(width * 630 / 1200, bitmap.Height);
    }

    [Theory]
    [InlineData("/cover/" + Samples.MexicoUssr + "/4000.png")]
    [InlineData("/cover/" + Samples.MexicoUssr + "/480.gif")]
    [InlineData("/cover/no-such-story/480.png")]
    public async Task Cover_RefusesOtherSizesFormatsAndStories(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
