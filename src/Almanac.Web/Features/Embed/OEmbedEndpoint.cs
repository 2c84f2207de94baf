using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Embed;

/// <summary>
/// <c>/oembed?url=…</c> (oEmbed 1.0, JSON only): a story page becomes a "rich" embed, an iframe of
/// <c>/embed/story/{slug}</c>. The URL is only compared with the site's own address, never fetched.
/// </summary>
public static class OEmbedEndpoint
{
    public const int DefaultWidth = 480;

    public const int DefaultHeight = 480;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Response(
        string Version, string Type, string ProviderName, string ProviderUrl, string Title, string? AuthorName,
        string Html, int Width, int Height, string ThumbnailUrl, int ThumbnailWidth, int ThumbnailHeight, int CacheAge);

    internal static void MapOEmbed(this IEndpointRouteBuilder app) =>
        app.MapGet("/oembed", HandleAsync).AsPublicApi();

    private static async Task<IResult> HandleAsync(HttpContext http, AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> site,
        string? url, string? format, string? maxwidth, string? maxheight, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return PublicApi.BadRequest("The url parameter is required: the address of a story page.");
        }

        if (format is not (null or "json"))
        {
            return Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Not implemented", detail: "Only format=json is offered.");
        }

        if (!TryReadSize(maxwidth, out int? maxWidth) || !TryReadSize(maxheight, out int? maxHeight))
        {
            return PublicApi.BadRequest("maxwidth and maxheight must be positive whole numbers of pixels.");
        }

        var storyRoot = new Uri(links.Absolute(http.Request, SiteLinks.Story("")));
        if (StorySlug(url, storyRoot) is not { } slug)
        {
            return PublicApi.NotFound("The url is not the address of a story on this site.");
        }

        var story = await db.Stories.AsNoTracking().Published(clock.UtcNow).Where(s => s.Slug == slug)
            .Select(s => new { s.Year, s.Title, s.AuthorName, s.UpdatedAtUtc }).FirstOrDefaultAsync(ct);
        if (story is null)
        {
            return PublicApi.NotFound($"There is no published story at {url}.");
        }

        int width = Math.Min(DefaultWidth, maxWidth ?? int.MaxValue);
        int height = Math.Min(DefaultHeight, maxHeight ?? int.MaxValue);
        var headline = Story.Headline(story.Year, story.Title);
        var src = links.Absolute(http.Request, EmbedLinks.Story(slug));
        var html = $"<iframe src=\"{WebUtility.HtmlEncode(src)}\" width=\"{width}\" height=\"{height}\" title=\"{WebUtility.HtmlEncode(headline)}\" " +
            "loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>";
        var response = new Response(
            "1.0", "rich", site.CurrentValue.Name, links.Absolute(http.Request, "/"), headline,
            string.IsNullOrWhiteSpace(story.AuthorName) ? null : story.AuthorName,
            html, width, height,
            links.Absolute(http.Request, SiteLinks.Cover(slug, CoverImage.ShareWidth, "png")), CoverImage.ShareWidth, CoverImage.HeightFor(CoverImage.ShareWidth),
            CacheAge: 3600);
        return ConditionalGet.Respond(http, JsonSerializer.SerializeToUtf8Bytes(response, Json), "application/json; charset=utf-8",
            story.UpdatedAtUtc, TimeSpan.FromHours(1));
    }

    private static bool TryReadSize(string? text, out int? size)
    {
        size = null;
        if (text is null)
        {
            return true;
        }

        bool ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0;
        size = ok ? value : null;
        return ok;
    }

    /// <summary>
    /// The slug of a story URL of this site: same host and port (http or https), under the story path.
    /// Query and fragment are ignored; anything else is not ours.
    /// </summary>
    internal static string? StorySlug(string url, Uri storyRoot)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.Equals(uri.IdnHost, storyRoot.IdnHost, StringComparison.OrdinalIgnoreCase)
            || (uri.Port != storyRoot.Port && !(uri.IsDefaultPort && storyRoot.IsDefaultPort))
            || !uri.AbsolutePath.StartsWith(storyRoot.AbsolutePath, StringComparison.Ordinal))
        {
            return null;
        }

        var slug = uri.AbsolutePath[storyRoot.AbsolutePath.Length..].TrimEnd('/');
        return slug.Length is > 0 and <= Slugs.MaxLength && !slug.Contains('/', StringComparison.Ordinal) ? slug : null;
    }
}
