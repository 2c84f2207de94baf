namespace Almanac.Web.Features.Embed;

/// <summary>The embeds' own addresses, site-relative like <see cref="Hosting.SiteLinks"/>.</summary>
public static class EmbedLinks
{
    public const string Widget = "/widget.js";

    public static string Story(string slug) => $"/embed/story/{slug}";

    /// <summary>The oEmbed document of a story page, for the discovery link in its head.</summary>
    public static string OEmbed(string storyUrl) => $"/oembed?url={Uri.EscapeDataString(storyUrl)}&format=json";
}
