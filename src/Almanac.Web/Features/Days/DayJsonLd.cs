using System.Text.Json.Nodes;
using Almanac.Web.Hosting;

namespace Almanac.Web.Features.Days;

internal static class DayJsonLd
{
    /// <summary>A day page as an Article whose main entity is the list of the day's stories.</summary>
    public static JsonObject For(DayView view, string headline, string description, Func<string, string> absolute)
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
            ["@type"] = "Article",
            ["headline"] = headline,
            ["description"] = description,
            ["about"] = new JsonObject { ["@type"] = "ItemList", ["numberOfItems"] = items.Count, ["itemListElement"] = items },
        };
    }

    public static string Description(DayView view, System.Globalization.CultureInfo culture)
    {
        var name = view.Day.ToDisplayString(culture);
        return view.Featured is null
            ? $"What happened on {name} in history."
            : $"What happened on {name} in history: {view.Featured.Headline}, and more events, births and deaths of the day.";
    }
}
