using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Feeds;

/// <summary>
/// Atom and RSS 2.0 feeds: the newest stories of the site, of a category or a topic, and the stories
/// of today's calendar day. Written by System.ServiceModel.Syndication, output-cached and tagged like
/// pages, and answered with 304 when the reader's copy is current (ETag, Last-Modified).
/// </summary>
public static class FeedEndpoints
{
    public const int Size = 30;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        MapBoth(app, "/feed", (format, http, db, clock, ct) =>
            NewestAsync(http, db, clock, format, s => s, CacheTags.Newest, "", ct));
        MapBoth(app, "/category/{slug}/feed", async (format, http, db, clock, ct) =>
        {
            var slug = (string)http.Request.RouteValues["slug"]!;
            var category = await db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
            return category is null
                ? Results.NotFound()
                : await NewestAsync(http, db, clock, format, s => s.Where(x => db.StoryCategories.Any(j => j.StoryId == x.Id && j.CategoryId == category.Id)), CacheTags.Category(slug), $": {category.Name}", ct);
        });
        MapBoth(app, "/topic/{slug}/feed", async (format, http, db, clock, ct) =>
        {
            var slug = (string)http.Request.RouteValues["slug"]!;
            var topic = await db.Topics.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
            return topic is null
                ? Results.NotFound()
                : await NewestAsync(http, db, clock, format, s => s.Where(x => db.StoryTopics.Any(j => j.StoryId == x.Id && j.TopicId == topic.Id)), CacheTags.Topic(slug), $": {topic.Name}", ct);
        });
        MapBoth(app, "/today", async (format, http, db, clock, ct) =>
        {
            var today = clock.TodayDay;
            var stories = await Items(db.Stories.AsNoTracking().Published(clock.UtcNow).On(today.DaysListedIn(clock.Today.Year))
                .OrderBy(s => s.Year).ThenBy(s => s.Id), ct);
            CacheTags.Add(http, [CacheTags.Day(today), .. stories.Select(s => CacheTags.Story(s.Id))]);
            var site = http.RequestServices.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue;
            return Write(http, format, stories, $"{site.Name}: on this day, {today.ToDisplayString(site.CultureInfo)}", SiteLinks.Day(today));
        }, PageCaching.Today);
        return app;
    }

    private delegate Task<IResult> FeedHandler(Format format, HttpContext http, AlmanacDbContext db, SiteClock clock, CancellationToken ct);

    // Every feed exists as Atom ("….atom") and RSS 2.0 ("….rss").
    private static void MapBoth(IEndpointRouteBuilder app, string stem, FeedHandler handler, string cachePolicy = PageCaching.Public)
    {
        foreach (var (extension, format) in new[] { (".atom", Format.Atom), (".rss", Format.Rss) })
        {
            app.MapGet(stem + extension, (HttpContext http, AlmanacDbContext db, SiteClock clock, CancellationToken ct) => handler(format, http, db, clock, ct))
                .CacheOutput(cachePolicy);
        }
    }

    public enum Format
    {
        Atom,
        Rss,
    }

    private static async Task<IResult> NewestAsync(HttpContext http, AlmanacDbContext db, SiteClock clock, Format format,
        Func<IQueryable<Story>, IQueryable<Story>> filter, string cacheTag, string titleSuffix, CancellationToken ct)
    {
        var stories = await Items(filter(db.Stories.AsNoTracking().Published(clock.UtcNow))
            .OrderByDescending(s => s.PublishedAtUtc).ThenByDescending(s => s.Id), ct);
        CacheTags.Add(http, [cacheTag, .. stories.Select(s => CacheTags.Story(s.Id))]);
        var site = http.RequestServices.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue;
        return Write(http, format, stories, site.Name + titleSuffix, "/");
    }

    private sealed record FeedItem(int Id, string Slug, string Title, int Year, string Summary, string BodyHtml, DateTime? PublishedAtUtc, DateTime UpdatedAtUtc, StoryKind Kind);

    private static Task<List<FeedItem>> Items(IQueryable<Story> stories, CancellationToken ct) =>
        stories.Take(Size)
            .Select(s => new FeedItem(s.Id, s.Slug, s.Title, s.Year, s.Summary, s.BodyHtml, s.PublishedAtUtc, s.UpdatedAtUtc, s.Kind))
            .ToListAsync(ct);

    private static IResult Write(HttpContext http, Format format, List<FeedItem> stories, string title, string alternatePath)
    {
        var selfPath = http.Request.Path.Value ?? "/feed.atom";
        var links = http.RequestServices.GetRequiredService<SiteLinks>();
        bool fullContent = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Feeds:FullContent", true);
        string Absolute(string path) => links.Absolute(http.Request, path);
        var lastModified = stories.Count == 0 ? DateTime.UnixEpoch : stories.Max(s => s.UpdatedAtUtc);

        var feed = new SyndicationFeed(Clean(title), "What happened on this day in history", new Uri(Absolute(alternatePath)))
        {
            Id = Absolute(selfPath),
            LastUpdatedTime = AsUtc(lastModified),
            Items = stories.Select(s => Item(s, fullContent, Absolute)).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(Absolute(selfPath))) { RelationshipType = "self" });

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            if (format == Format.Atom)
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
            else
            {
                new Rss20FeedFormatter(feed).WriteTo(writer);
            }
        }

        return ConditionalGet.Respond(http, buffer.ToArray(),
            format == Format.Atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
            lastModified, TimeSpan.FromMinutes(5));
    }

    private static SyndicationItem Item(FeedItem s, bool fullContent, Func<string, string> absolute)
    {
        var url = absolute(SiteLinks.Story(s.Slug));
        var item = new SyndicationItem(Clean(Story.Headline(s.Year, s.Title)), (string?)null, new Uri(url), url,
            AsUtc(s.UpdatedAtUtc))
        {
            Summary = new TextSyndicationContent(Clean(s.Summary)),
            PublishDate = s.PublishedAtUtc is { } p ? AsUtc(p) : default,
        };

        // Full content by default (Feeds:FullContent); the summary alone otherwise.
        if (fullContent)
        {
            item.Content = SyndicationContent.CreateHtmlContent(Clean(s.BodyHtml));
        }

        item.Categories.Add(new SyndicationCategory(s.Kind.Label()));
        item.Links.Add(new SyndicationLink(new Uri(absolute(SiteLinks.Cover(s.Slug, CoverImage.ShareWidth, "png"))), "enclosure", null, "image/png", 0));
        return item;
    }

    // SQLite hands back DateTime values of unspecified kind; ours are always UTC.
    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates), so a stray byte never breaks a feed.</summary>
    internal static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }
}
