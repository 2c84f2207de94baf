using Almanac.Core.Stories;
using Almanac.Web.Hosting;

namespace Almanac.Web.Features.Shared;

/// <summary>What a category page and a topic page share: a named tag with its stories in time order.</summary>
public sealed record TagListing(string Name, string Description, Listing Listing)
{
    public static async Task<TagListing> LoadAsync(HttpContext http, string name, string description,
        IQueryable<Story> stories, string path, string cacheTag, int page, CancellationToken ct)
    {
        var listing = await Listing.LoadAsync(stories, path, page, ct);
        CacheTags.Add(http, [cacheTag, .. listing.Cards.Select(c => CacheTags.Story(c.Id))]);
        return new TagListing(name, description, listing);
    }

    public PageMeta Meta(Func<string, string> absolute) =>
        ListingMeta.For(Name, $"{Name}: {Listing.Total} stories from history, in time order.", Listing, absolute);
}
