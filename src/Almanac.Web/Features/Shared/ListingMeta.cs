using System.Text.Json.Nodes;
using Almanac.Web.Hosting;

namespace Almanac.Web.Features.Shared;

internal static class ListingMeta
{
    /// <summary>Head tags of a listing page: the stories it shows as an ItemList, and its breadcrumb trail.</summary>
    public static PageMeta For(string title, string description, Listing listing, Func<string, string> absolute)
    {
        var items = new JsonArray();
        int position = ((listing.Pager.Page - 1) * Listing.PageSize) + 1;
        foreach (var card in listing.Cards)
        {
            items.Add(new JsonObject { ["@type"] = "ListItem", ["position"] = position++, ["url"] = absolute(SiteLinks.Story(card.Slug)), ["name"] = card.Headline });
        }

        return new PageMeta
        {
            Title = listing.Pager.Page > 1 ? $"{title} (page {listing.Pager.Page})" : title,
            Description = description,
            CanonicalPath = listing.Pager.Link(listing.Pager.Page),
            JsonLd = new JsonObject
            {
                ["@type"] = "ItemList",
                ["name"] = title,
                ["description"] = description,
                ["numberOfItems"] = listing.Total,
                ["itemListElement"] = items,
            },
            Breadcrumbs = [new Crumb(title, listing.Pager.Path)],
        };
    }
}
