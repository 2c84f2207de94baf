using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Almanac.Web.Features.Kinds;

[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class KindModel(AlmanacDbContext db, SiteClock clock, SiteLinks links) : PageModel
{
    public StoryKind Kind { get; private set; }

    public Listing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (!StoryKinds.TryParse(kind, out var k))
        {
            return NotFound();
        }

        Kind = k;
        Listing = await Listing.LoadAsync(db.Stories.Published(clock.UtcNow).Where(s => s.Kind == k), SiteLinks.Kind(k), pageNumber ?? 1, ct);
        CacheTags.Add(HttpContext, [CacheTags.Kind(k), .. Listing.Cards.Select(c => CacheTags.Story(c.Id))]);
        ViewData["Meta"] = ListingMeta.For($"{k.GroupTitle()} in history", $"{k.Label()}: {Listing.Total} stories in time order.", Listing, p => links.Absolute(Request, p));
        return Page();
    }
}
