namespace Almanac.Core.Redirects;

/// <summary>
/// A permanent redirect from an old address to its page on this site: WordPress links brought in by an
/// import, and slugs an editor changed. <see cref="FromPath"/> is matched exactly; a WordPress
/// "?p=" link is stored with its query ("/?p=42").
/// </summary>
public class Redirect
{
    public const int MaxPathLength = 400;

    public int Id { get; set; }

    public required string FromPath { get; set; }

    public required string ToPath { get; set; }

    /// <summary>Who made it: "wxr", "jsonl", "newsroom" …</summary>
    public string Source { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The path of a story page (the same address as the site's SiteLinks.Story).</summary>
    public static string ToStory(string slug) => $"/on-this-day/{slug}";
}
