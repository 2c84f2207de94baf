using System.Globalization;
using System.Text.Json.Nodes;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Web.Features.Media;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;

namespace Almanac.Web.Features.Stories;

internal static class StoryJsonLd
{
    /// <summary>The widest JPEG of an uploaded image: the one link previews and search engines take.</summary>
    public static (string Path, int Width, int Height) ShareImage(StoryImage image)
    {
        int width = image.Widths.Count > 0 ? image.Widths.Max() : image.Width;
        return (MediaLinks.Variant(image.Id, width, MediaFormat.Jpeg), width, ImageProcessor.VariantHeight(image.Width, image.Height, width));
    }

    /// <summary>
    /// The story as an <c>Article</c> about what it tells: an <c>Event</c> with its historical date
    /// in ISO 8601 (astronomical years, so 44 BC is "-0043"), a <c>Person</c> with a birth or death
    /// date for births and deaths, otherwise a plain <c>Thing</c>.
    /// </summary>
    public static JsonObject For(StoryPage story, CultureInfo culture, Func<string, string> absolute)
    {
        (string Path, int Width, int Height) share = story.Image is { } uploaded
            ? ShareImage(uploaded)
            : (SiteLinks.Cover(story.Slug, CoverImage.ShareWidth, "png"), CoverImage.ShareWidth, CoverImage.HeightFor(CoverImage.ShareWidth));
        var article = new JsonObject
        {
            ["@type"] = "Article",
            ["headline"] = story.Headline,
            ["description"] = story.Summary,
            ["image"] = new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = absolute(share.Path),
                ["width"] = share.Width,
                ["height"] = share.Height,
            },
            ["dateModified"] = story.UpdatedAtUtc.ToString("O", CultureInfo.InvariantCulture),
            ["author"] = story.AuthorName is { Length: > 0 } author
                ? new JsonObject { ["@type"] = "Person", ["name"] = author }
                : new JsonObject { ["@type"] = "Organization", ["name"] = "Almanac" },
            ["articleSection"] = story.Kind.Label(),
            ["keywords"] = string.Join(", ", story.Topics.Select(t => t.Name)),
            ["inLanguage"] = culture.Name,
        };
        if (story.PublishedAtUtc is { } published)
        {
            article["datePublished"] = published.ToString("O", CultureInfo.InvariantCulture);
        }

        var date = story.Date.Gregorian;
        article["about"] = story.Kind switch
        {
            StoryKind.Event => new JsonObject
            {
                ["@type"] = "Event",
                ["name"] = story.Title,
                ["startDate"] = date.ToIsoString(),
                ["description"] = date.ToDisplayString(culture),
            },
            StoryKind.Birth or StoryKind.Death => new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = PersonName(story),
                [story.Kind == StoryKind.Birth ? "birthDate" : "deathDate"] = date.ToIsoString(),
            },
            _ => new JsonObject { ["@type"] = "Thing", ["name"] = story.Title, ["description"] = date.ToDisplayString(culture) },
        };
        return article;
    }

    /// <summary>The story's place in the site: its day page when it has one, else its year page.</summary>
    public static IReadOnlyList<Crumb> Breadcrumbs(StoryPage story, CultureInfo culture) =>
    [
        story.Placement is { } day
            ? new Crumb(day.ToDisplayString(culture), SiteLinks.Day(day))
            : new Crumb(story.Date.YearText, SiteLinks.Year(story.Year)),
        new Crumb(story.Headline, SiteLinks.Story(story.Slug)),
    ];

    /// <summary>
    /// The person a birth or death story is about: the topic named in its title (the longest, so
    /// "Charles I" is not taken for "Charles"), else its first topic, else the title itself.
    /// </summary>
    internal static string PersonName(StoryPage story) =>
        story.Topics.Where(t => story.Title.Contains(t.Name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(t => t.Name.Length).Select(t => t.Name).FirstOrDefault()
        ?? (story.Topics.Count > 0 ? story.Topics[0].Name : null)
        ?? story.Title;
}
