using System.Text.Json.Nodes;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Almanac.Web.Features.Topics;

/// <summary>A topic at <c>/topic/{slug}</c>: its kind, description, life dates for a person, and its stories oldest first.</summary>
[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class TopicModel(AlmanacDbContext db, SiteClock clock, SiteLinks links) : PageModel
{
    public TopicPage Topic { get; private set; } = null!;

    public Listing Listing { get; private set; } = null!;

    /// <summary>Where an uploaded image is served (the media feature owns the route).</summary>
    /// <summary>The topic's picture as a JPEG variant of at most 960 pixels (the smallest stored if all are wider).</summary>
    public static string MediaPath(Almanac.Core.Media.MediaItem image) =>
        Media.MediaLinks.Variant(image.Id, image.VariantWidths.Where(w => w <= 960).DefaultIfEmpty(image.VariantWidths.DefaultIfEmpty(image.Width).Min()).Max(), Almanac.Core.Media.MediaFormat.Jpeg);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (slug.Length > Slugs.MaxLength || await TopicPage.LoadAsync(db, slug, ct) is not { } topic)
        {
            return NotFound();
        }

        Topic = topic;
        var stories = db.Stories.Published(clock.UtcNow).Where(s => db.StoryTopics.Any(x => x.StoryId == s.Id && x.TopicId == topic.Id));
        var tag = await TagListing.LoadAsync(HttpContext, topic.Name, topic.Description, stories, SiteLinks.Topic(slug), CacheTags.Topic(slug), pageNumber ?? 1, ct);
        Listing = tag.Listing;
        var description = topic.Description.Length > 0
            ? topic.Description
            : $"{topic.Name}: {Listing.Total} stories from history, in time order.";
        var meta = ListingMeta.For(topic.Name, description, Listing, p => links.Absolute(Request, p));
        ViewData["Meta"] = topic.Kind == TopicKind.Person ? WithPerson(meta, topic) : meta;
        return Page();
    }

    // A person's page is about the person: a schema.org Person, with the stories as the things about them.
    private PageMeta WithPerson(PageMeta meta, TopicPage topic)
    {
        var person = new JsonObject { ["@type"] = "Person", ["name"] = topic.Name };
        if (topic.Description.Length > 0)
        {
            person["description"] = topic.Description;
        }

        if (topic.Born is { } born)
        {
            person["birthDate"] = born.Gregorian.ToIsoString();
        }

        if (topic.Died is { } died)
        {
            person["deathDate"] = died.Gregorian.ToIsoString();
        }

        if (topic.Image is { } image)
        {
            person["image"] = links.Absolute(Request, MediaPath(image));
        }

        person["subjectOf"] = meta.JsonLd;
        return new PageMeta
        {
            Title = meta.Title,
            Description = meta.Description,
            CanonicalPath = meta.CanonicalPath,
            OpenGraphType = "profile",
            JsonLd = person,
            Breadcrumbs = meta.Breadcrumbs,
        };
    }
}
