using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Feeds;

public class FeedTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task AtomFeed_IsReadByTwoIndependentParsers()
    {
        var response = await app.CreateReaderClient().GetAsync("/feed.atom", TestContext.Current.CancellationToken);
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));
        Assert.Equal(30, feed.Items.Count());
        Assert.All(feed.Items, i => Assert.StartsWith("https://almanac.test/on-this-day/", i.Links.First(l => l.RelationshipType == "alternate").Uri.ToString(), StringComparison.Ordinal));
        Assert.All(feed.Items, i => Assert.Contains(i.Links, l => l.RelationshipType == "enclosure" && l.MediaType == "image/png"));

        var doc = XDocument.Parse(xml);
        Assert.Equal(Atom + "feed", doc.Root!.Name);
        var entries = doc.Root.Elements(Atom + "entry").ToList();
        Assert.Equal(30, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "id")?.Value));
            Assert.NotNull(e.Element(Atom + "updated"));
            Assert.Equal("html", e.Element(Atom + "content")?.Attribute("type")?.Value);
        });
        Assert.Equal("https://almanac.test/feed.atom", doc.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")?.Value);
    }

    [Fact]
    public async Task RssFeed_IsReadByTwoIndependentParsers()
    {
        var response = await app.CreateReaderClient().GetAsync("/feed.rss", TestContext.Current.CancellationToken);
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(30, SyndicationFeed.Load(XmlReader.Create(new StringReader(xml))).Items.Count());
        var items = XDocument.Parse(xml).Root!.Element("channel")!.Elements("item").ToList();
        Assert.Equal(30, items.Count);
        Assert.All(items, i => Assert.StartsWith("https://almanac.test/on-this-day/", i.Element("link")?.Value, StringComparison.Ordinal));
        Assert.All(items, i => Assert.Equal("image/png", i.Element("enclosure")?.Attribute("type")?.Value));
    }

    [Fact]
    public async Task TodayFeed_HoldsTheStoriesOfTheSitesDay()
    {
        var xml = await app.CreateReaderClient().GetStringAsync("/today.atom", TestContext.Current.CancellationToken);

        var titles = XDocument.Parse(xml).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Contains("1924: Diplomatic Relations Established between Mexico and the USSR", titles);
        Assert.Equal(titles.OrderBy(t => t[..4], StringComparer.Ordinal), titles);
    }

    [Theory]
    [InlineData("/category/politics-government/feed.atom")]
    [InlineData("/topic/mexico/feed.atom")]
    [InlineData("/category/politics-government/feed.rss")]
    [InlineData("/topic/mexico/feed.rss")]
    [InlineData("/today.rss")]
    public async Task TagAndTodayFeeds_HoldTheirStoriesInBothFormats(string path)
    {
        var xml = await app.CreateReaderClient().GetStringAsync(path, TestContext.Current.CancellationToken);

        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));
        Assert.Contains(feed.Items, i => i.Title.Text.Contains("Mexico and the USSR", StringComparison.Ordinal));
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal(path.EndsWith(".rss", StringComparison.Ordinal) ? "rss" : "feed", root.Name.LocalName);
    }

    [Theory]
    [InlineData("/category/no-such-category/feed.atom")]
    [InlineData("/topic/no-such-topic/feed.atom")]
    public async Task TagFeeds_OfUnknownTagsAre404(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Feeds_AnswerConditionalRequestsWith304()
    {
        var client = app.CreateReaderClient();
        var first = await client.GetAsync("/feed.atom", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        byTag.Headers.IfNoneMatch.Add(etag);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        byDate.Headers.IfModifiedSince = lastModified;
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Feeds_StayWellFormedWithHostileText()
    {
        await using (var scope = app.OpenDb())
        {
            // SQLite stores any UTF-16 string, even a lone surrogate; PostgreSQL's UTF-8 text cannot
            // hold one (Npgsql refuses it), so there the story carries every other hostile character.
            var loneSurrogate = scope.Db.Database.IsSqlite() ? "\uD800" : "";
            var story = new Story
            {
                Slug = "1066-feed-hostile-text",
                Title = "Hostile ]]> <script>alert(1)</script> \u0001 Title",
                Kind = StoryKind.Event,
                Date = HistoricalDate.OnDay(1066, 6, 3),
                Summary = $"Line one\r\nLine two ]]> & \u0007 bell {loneSurrogate} lone surrogate",
                Status = StoryStatus.Published,
                PublishedAtUtc = app.Time.GetUtcNow().UtcDateTime,
                UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
            };
            story.SetBody("Body with ]]> and <b>markup</b>.");
            scope.Db.Stories.Add(story);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Feeds may already be cached by another test: evict them as an edit would.
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CacheTags.Pages, TestContext.Current.CancellationToken);
        var xml = await app.CreateReaderClient().GetStringAsync("/feed.rss", TestContext.Current.CancellationToken);
        var atom = await app.CreateReaderClient().GetStringAsync("/feed.atom", TestContext.Current.CancellationToken);

        foreach (var document in new[] { xml, atom })
        {
            var parsed = XDocument.Parse(document);
            Assert.Contains(parsed.Descendants(), e => e.Value.Contains("Hostile ]]> <script>alert(1)</script>  Title", StringComparison.Ordinal));
            Assert.DoesNotContain("\u0001", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_AnnounceTheirFeeds()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/");

        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml'][href='/feed.atom']"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/rss+xml'][href='/feed.rss']"));
    }
}

public sealed class SummaryFeedApp : AlmanacApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Feeds:FullContent", "false")];
}

public class SummaryFeedTests(SummaryFeedApp app) : IClassFixture<SummaryFeedApp>
{
    [Fact]
    public async Task Feeds_CarryOnlyTheSummaryWhenFullContentIsOff()
    {
        var xml = await app.CreateReaderClient().GetStringAsync("/feed.atom", TestContext.Current.CancellationToken);

        var entries = XDocument.Parse(xml).Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Null(e.Element(XName.Get("content", "http://www.w3.org/2005/Atom"))));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Element(XName.Get("summary", "http://www.w3.org/2005/Atom"))?.Value)));
    }
}
