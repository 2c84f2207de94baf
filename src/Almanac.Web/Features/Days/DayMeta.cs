using System.Globalization;
using System.Text.Json.Nodes;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;

namespace Almanac.Web.Features.Days;

/// <summary>What the home page and a day page share about their head tags and cache tags.</summary>
internal static class DayMeta
{
    /// <summary>The day, the leap day it may include, and every story shown, so an edit evicts exactly these pages.</summary>
    public static IEnumerable<string> CacheTagsFor(DayView view)
    {
        yield return CacheTags.Day(view.Day);
        if (view.Day == new Core.Calendar.CalendarDay(2, 28))
        {
            yield return CacheTags.Day(Core.Calendar.CalendarDay.LeapDay);
        }

        foreach (var card in view.AllCards)
        {
            yield return CacheTags.Story(card.Id);
        }
    }

    /// <summary>Head tags of a day: its story of the day as the share image, the day's stories as an ItemList, the trail to it.</summary>
    public static PageMeta For(DayView view, string title, string canonicalPath, CultureInfo culture, Func<string, string> absolute)
    {
        var description = Description(view, culture);
        return new PageMeta
        {
            Title = title,
            Description = description,
            CanonicalPath = canonicalPath,
            ImagePath = view.Featured is { } f ? SiteLinks.Cover(f.Slug, 1200, "png") : null,
            ImageAlt = view.Featured?.Headline,
            JsonLd = JsonLd(view, title, description, absolute),
            Breadcrumbs = canonicalPath == "/" ? [] : [new Crumb(view.Day.ToDisplayString(culture), canonicalPath)],
        };
    }

    private static JsonObject JsonLd(DayView view, string headline, string description, Func<string, string> absolute)
    {
        var items = new JsonArray();
        int position = 1;
        foreach (var card in view.AllCards)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = position++,
                ["url"] = absolute(SiteLinks.Story(card.Slug)),
                ["name"] = card.Headline,
            });
        }

        return new JsonObject
        {
            ["@type"] = "ItemList",
            ["name"] = headline,
            ["description"] = description,
            ["numberOfItems"] = items.Count,
            ["itemListElement"] = items,
        };
    }

    private static string Description(DayView view, CultureInfo culture)
    {
        var name = view.Day.ToDisplayString(culture);
        return view.Featured is null
            ? $"What happened on {name} in history."
            : $"What happened on {name} in history: {view.Featured.Headline}, and more events, births and deaths of the day.";
    }
}
