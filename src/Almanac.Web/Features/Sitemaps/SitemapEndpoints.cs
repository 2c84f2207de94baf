using System.Globalization;
using System.Text;
using System.Xml;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Sitemaps;

/// <summary>
/// <c>/robots.txt</c> and the sitemaps: <c>/sitemap.xml</c> is an index of child sitemaps, one for the
/// site's own pages and one per <c>Sitemaps:UrlsPerFile</c> stories (the protocol's limit is 50,000),
/// with <c>lastmod</c> from real edit times and each story's image.
/// </summary>
public static class SitemapEndpoints
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";

    public static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (HttpContext http, SiteLinks links) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /error/\n\nSitemap: {links.Absolute(http.Request, "/sitemap.xml")}\n", "text/plain", Encoding.UTF8))
            .CacheOutput(PageCaching.Public);

        app.MapGet("/sitemap.xml", async (HttpContext http, AlmanacDbContext db, SiteClock clock, SiteLinks links, IConfiguration config, CancellationToken ct) =>
        {
            int perFile = UrlsPerFile(config);
            var published = db.Stories.AsNoTracking().Published(clock.UtcNow);
            int count = await published.CountAsync(ct);
            var lastEdit = count == 0 ? (DateTime?)null : await published.MaxAsync(s => s.UpdatedAtUtc, ct);
            CacheTags.Add(http, [CacheTags.Sitemap]);
            return Xml(writer =>
            {
                writer.WriteStartElement("sitemapindex", SitemapNs);
                WriteEntry(writer, "sitemap", links.Absolute(http.Request, "/sitemaps/pages.xml"), lastEdit);
                for (int n = 1; n <= Math.Max(1, (count + perFile - 1) / perFile); n++)
                {
                    WriteEntry(writer, "sitemap", links.Absolute(http.Request, $"/sitemaps/stories-{n}.xml"), lastEdit);
                }

                writer.WriteEndElement();
            });
        }).CacheOutput(PageCaching.Public);

        app.MapGet("/sitemaps/pages.xml", async (HttpContext http, AlmanacDbContext db, SiteLinks links, CancellationToken ct) =>
        {
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(ct);
            var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync(ct);
            return Xml(writer =>
            {
                writer.WriteStartElement("urlset", SitemapNs);
                var paths = new List<string> { "/" };
                paths.AddRange(Enumerable.Range(0, 366).Select(i => SiteLinks.Day(CalendarDay.FromDayOfLeapYear(i))));
                paths.Add(Months.MonthLinks.Index);
                paths.Add(Topics.TopicsModel.Path);
                paths.AddRange(Enumerable.Range(1, 12).Select(Months.MonthLinks.Month));
                paths.AddRange(StoryKinds.All.Select(SiteLinks.Kind));
                paths.AddRange(categories.Select(SiteLinks.Category));
                paths.AddRange(topics.Select(SiteLinks.Topic));
                foreach (var path in paths)
                {
                    WriteEntry(writer, "url", links.Absolute(http.Request, path), null);
                }

                writer.WriteEndElement();
            });
        }).CacheOutput(PageCaching.Public);

        app.MapGet("/sitemaps/stories-{n:int}.xml", async (int n, HttpContext http, AlmanacDbContext db, SiteClock clock, SiteLinks links, IConfiguration config, CancellationToken ct) =>
        {
            int perFile = UrlsPerFile(config);
            if (n < 1)
            {
                return Results.NotFound();
            }

            var stories = await db.Stories.AsNoTracking().Published(clock.UtcNow).OrderBy(s => s.Id)
                .Skip((n - 1) * perFile).Take(perFile)
                .Select(s => new { s.Slug, s.Year, s.Title, s.UpdatedAtUtc })
                .ToListAsync(ct);
            if (stories.Count == 0 && n > 1)
            {
                return Results.NotFound();
            }

            CacheTags.Add(http, [CacheTags.Sitemap]);

            return Xml(writer =>
            {
                writer.WriteStartElement("urlset", SitemapNs);
                writer.WriteAttributeString("xmlns", "image", null, ImageNs);
                foreach (var s in stories)
                {
                    writer.WriteStartElement("url", SitemapNs);
                    writer.WriteElementString("loc", SitemapNs, links.Absolute(http.Request, SiteLinks.Story(s.Slug)));
                    writer.WriteElementString("lastmod", SitemapNs, W3cDate(s.UpdatedAtUtc));
                    writer.WriteStartElement("image", "image", ImageNs);
                    writer.WriteElementString("image", "loc", ImageNs, links.Absolute(http.Request, SiteLinks.Cover(s.Slug, CoverImage.ShareWidth, "png")));
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            });
        }).CacheOutput(PageCaching.Public);
        return app;
    }

    private static int UrlsPerFile(IConfiguration config) => Math.Clamp(config.GetValue("Sitemaps:UrlsPerFile", 50_000), 1, 50_000);

    private static void WriteEntry(XmlWriter writer, string element, string loc, DateTime? lastModified)
    {
        writer.WriteStartElement(element, SitemapNs);
        writer.WriteElementString("loc", SitemapNs, loc);
        if (lastModified is { } m)
        {
            writer.WriteElementString("lastmod", SitemapNs, W3cDate(m));
        }

        writer.WriteEndElement();
    }

    private static string W3cDate(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static IResult Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
