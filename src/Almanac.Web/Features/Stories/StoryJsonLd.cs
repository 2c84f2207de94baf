using System.Globalization;
using System.Text.Json.Nodes;
using Almanac.Core.Calendar;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;

namespace Almanac.Web.Features.Stories;

internal static class StoryJsonLd
{
    /// <summary>
    /// The story as an <c>Article</c>; an event is also described as the <c>Event</c> it is about,
    /// with its historical date in ISO 8601 (astronomical years, so 44 BC is "-0043").
    /// </summary>
    public static JsonObject For(StoryPage story, CultureInfo culture, Func<string, string> absolute)
    {
        var article = new JsonObject
        {
            ["@type"] = "Article",
            ["headline"] = story.Headline,
            ["description"] = story.Summary,
            ["image"] = absolute(SiteLinks.Cover(story.Slug, CoverImage.ShareWidth, "png")),
            ["dateModified"] = story.UpdatedAtUtc.ToString("O", CultureInfo.InvariantCulture),
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = story.AuthorName ?? "Almanac" },
            ["articleSection"] = story.Kind.Label(),
            ["keywords"] = string.Join(", ", story.Topics.Select(t => t.Name)),
        };
        if (story.PublishedAtUtc is { } published)
        {
            article["datePublished"] = published.ToString("O", CultureInfo.InvariantCulture);
        }

        var date = story.Date.Gregorian;
        var about = new JsonObject
        {
            ["@type"] = story.Kind == StoryKind.Event ? "Event" : "Thing",
            ["name"] = story.Title,
            ["description"] = date.ToDisplayString(culture),
        };
        if (story.Kind == StoryKind.Event)
        {
            about["startDate"] = IsoDate(date);
        }

        article["about"] = about;
        return article;
    }

    private static string IsoDate(HistoricalDate d)
    {
        var year = d.Year < 0 ? "-" + (-d.Year).ToString("0000", CultureInfo.InvariantCulture) : d.Year.ToString("0000", CultureInfo.InvariantCulture);
        return d.Precision switch
        {
            DatePrecision.Day => $"{year}-{d.Month:00}-{d.Day:00}",
            DatePrecision.Month => $"{year}-{d.Month:00}",
            _ => year,
        };
    }
}
