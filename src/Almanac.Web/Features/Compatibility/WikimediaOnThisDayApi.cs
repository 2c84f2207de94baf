using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Compatibility;

/// <summary>
/// Wikimedia's "onthisday" feed (<c>/api/rest_v1/feed/onthisday/{type}/{MM}/{DD}</c>) in Wikimedia's
/// own shape, so readers built for Wikipedia's feed can read Almanac unchanged. Each item's only page
/// is the Almanac story itself. See docs/api.md for where every field comes from.
/// </summary>
public static class WikimediaOnThisDayApi
{
    public const string ContentType = "application/json; charset=utf-8; profile=\"https://www.mediawiki.org/wiki/Specs/onthisday/0.3.3\"";

    /// <summary>The feed's types, in the order the "all" response holds them.</summary>
    public static IReadOnlyList<string> Types { get; } = ["all", "selected", "events", "births", "deaths", "holidays"];

    // Wikimedia's names are lower case with underscores ("extract_html", "content_urls"); absent
    // values (a holiday's year, the types not asked for) are left out rather than written as null.
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // Titles go into displaytitle and extract_html as HTML: encode markup, keep letters readable.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapWikimediaOnThisDay(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/rest_v1/feed/onthisday/{type}/{month}/{day}", ["GET", "HEAD"], GetAsync)
            .AsPublicApi()
            .CacheOutput(PageCaching.Public)
            .WithTags("Compatibility")
            .WithSummary("Wikimedia's onthisday feed for a calendar day")
            // Its shape is Wikimedia's, documented in docs/api.md; the OpenAPI document describes our own API.
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetAsync(string type, string month, string day,
        HttpContext http, AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> site, CancellationToken ct)
    {
        if (!Types.Contains(type, StringComparer.Ordinal))
        {
            return PublicApi.NotFound("There is no feed of that type. The types are all, selected, events, births, deaths and holidays.");
        }

        if (!CompatibilityDay.TryParse(month, day, out var calendarDay, out var error))
        {
            return PublicApi.BadRequest(error);
        }

        // The feed names a day of the calendar without a year, so 28 February never borrows the
        // leap-day stories here: a client asks for 02/29 itself.
        var stories = await CompatibilityDay.LoadAsync(db, calendarDay, [calendarDay], clock.UtcNow, ct);
        CacheTags.Add(http, [CacheTags.Day(calendarDay), .. stories.Select(s => CacheTags.Story(s.Id))]);

        var culture = site.CurrentValue.CultureInfo;
        OnThisDayItem Item(DayStory s, bool withYear) => new(s.Title, [Page(s, culture, path => links.Absolute(http.Request, path))])
        {
            Year = withYear ? CompatibilityDay.WikimediaYear(s.Year) : null,
        };
        List<OnThisDayItem>? Of(string name, Func<IEnumerable<DayStory>> select, bool withYear = true) =>
            type == name || type == "all"
                ? [.. select().OrderByDescending(s => s.Year).ThenBy(s => s.Id).Select(s => Item(s, withYear))]
                : null;

        var feed = new OnThisDayFeed(
            Of("selected", () => CompatibilityDay.StoryOfTheDay(stories) is { } chosen ? [chosen] : []),
            Of("events", () => stories.Where(s => s.Kind == StoryKind.Event)),
            Of("births", () => stories.Where(s => s.Kind == StoryKind.Birth)),
            Of("deaths", () => stories.Where(s => s.Kind == StoryKind.Death)),
            Of("holidays", () => stories.Where(s => s.Kind == StoryKind.Observance), withYear: false));

        var body = JsonSerializer.SerializeToUtf8Bytes(feed, Json);
        DateTime? lastModified = stories.Count == 0 ? null : CompatibilityDay.AsUtc(stories.Max(s => s.UpdatedAtUtc));
        return ConditionalGet.Respond(http, body, ContentType, lastModified, TimeSpan.FromMinutes(5));
    }

    /// <summary>The story as a Wikimedia page summary, with the generated cover as its images.</summary>
    private static PageSummary Page(DayStory s, CultureInfo culture, Func<string, string> absolute)
    {
        var url = absolute(SiteLinks.Story(s.Slug));
        var updated = CompatibilityDay.AsUtc(s.UpdatedAtUtc);
        var displayTitle = Html.Encode(s.Title);
        int thumbnailWidth = CoverImage.Widths.Min();

        // There are no revision or edit pages for readers yet: both point at the story, so a client
        // that follows them lands on the page rather than on an error or a login form.
        var urls = new PageUrls(url, url, url);
        return new PageSummary(
            Type: "standard",
            Title: s.Slug,
            Displaytitle: displayTitle,
            Titles: new PageTitles(s.Slug, s.Title, displayTitle),
            Pageid: s.Id,
            Extract: s.Summary,
            ExtractHtml: $"<p>{Html.Encode(s.Summary)}</p>",
            Thumbnail: new PageImage(absolute(SiteLinks.Cover(s.Slug, thumbnailWidth, "png")), thumbnailWidth, CoverImage.HeightFor(thumbnailWidth)),
            Originalimage: new PageImage(absolute(SiteLinks.Cover(s.Slug, CoverImage.ShareWidth, "png")), CoverImage.ShareWidth, CoverImage.HeightFor(CoverImage.ShareWidth)),
            ContentUrls: new PageContentUrls(urls, urls),
            Lang: culture.TwoLetterISOLanguageName,
            Dir: culture.TextInfo.IsRightToLeft ? "rtl" : "ltr",
            // Almanac keeps no revision numbers yet; the Unix time of the last change grows with every edit.
            Revision: new DateTimeOffset(updated).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            Timestamp: updated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Description: $"{s.Kind.Label()}, {s.Date.ToDisplayString(culture)}");
    }

    internal sealed record OnThisDayFeed(
        List<OnThisDayItem>? Selected,
        List<OnThisDayItem>? Events,
        List<OnThisDayItem>? Births,
        List<OnThisDayItem>? Deaths,
        List<OnThisDayItem>? Holidays);

    internal sealed record OnThisDayItem(string Text, IReadOnlyList<PageSummary> Pages)
    {
        /// <summary>Wikimedia's year (44 BC is -44); null, and so absent, for holidays.</summary>
        public int? Year { get; init; }
    }

    internal sealed record PageSummary(
        string Type,
        string Title,
        string Displaytitle,
        PageTitles Titles,
        int Pageid,
        string Extract,
        string ExtractHtml,
        PageImage Thumbnail,
        PageImage Originalimage,
        PageContentUrls ContentUrls,
        string Lang,
        string Dir,
        string Revision,
        string Timestamp,
        string Description);

    internal sealed record PageTitles(string Canonical, string Normalized, string Display);

    internal sealed record PageImage(string Source, int Width, int Height);

    internal sealed record PageContentUrls(PageUrls Desktop, PageUrls Mobile);

    internal sealed record PageUrls(string Page, string Revisions, string Edit);
}
