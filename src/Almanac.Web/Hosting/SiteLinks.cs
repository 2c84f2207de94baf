using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Hosting;

/// <summary>
/// The site's own URLs. Absolute links (canonical, OpenGraph, JSON-LD) use <c>Site:BaseUrl</c> when it
/// is set, so a forged Host header can never reach a page or the cache; without it (development) they
/// fall back to the request's host, which <c>AllowedHosts</c> should then restrict.
/// </summary>
public sealed class SiteLinks(IOptions<SiteOptions> options)
{
    private readonly string? baseUrl = options.Value.BaseUrl.Length > 0 ? options.Value.BaseUrl.TrimEnd('/') : null;

    public static string Day(CalendarDay day) => $"/day/{day.Slug}";

    public static string Story(string slug) => $"/on-this-day/{slug}";

    public static string Year(int astronomicalYear) => $"/year/{HistoricalDate.YearSlug(astronomicalYear)}";

    public static string Kind(StoryKind kind) => $"/kind/{kind.Slug()}";

    public static string Category(string slug) => $"/category/{slug}";

    public static string Topic(string slug) => $"/topic/{slug}";

    public static string Cover(string slug, int width, string format = "webp") => $"/cover/{slug}/{width}.{format}";

    /// <summary>The cover in every fixed width, for an <c>img srcset</c>.</summary>
    public static string CoverSrcset(string slug) =>
        string.Join(", ", Core.Media.CoverImage.Widths.Select(w => $"{Cover(slug, w)} {w}w"));

    /// <summary>The anniversaries calendar, narrowed by any of a kind, a category slug and a topic slug.</summary>
    public static string AnniversaryCalendar(StoryKind? kind = null, string? category = null, string? topic = null) =>
        "/anniversaries.ics" + QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("kind", kind?.Slug()), new("category", category), new("topic", topic),
        }.Where(p => p.Value is not null));

    public string Absolute(HttpRequest request, string path) =>
        (baseUrl ?? $"{request.Scheme}://{request.Host.Value}") + path;

    /// <summary>The absolute URL with its scheme replaced by <c>webcal</c>, which calendar apps open as a subscription.</summary>
    public string Webcal(HttpRequest request, string path)
    {
        var absolute = Absolute(request, path);
        return string.Concat("webcal", absolute.AsSpan(absolute.IndexOf(':', StringComparison.Ordinal)));
    }
}
