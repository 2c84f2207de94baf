using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Categories;

[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class CategoryModel(AlmanacDbContext db, SiteClock clock, SiteLinks links) : PageModel
{
    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public Listing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => new { c.Id, c.Name, c.Description }).FirstOrDefaultAsync(ct);
        if (category is null)
        {
            return NotFound();
        }

        (Name, Description) = (category.Name, category.Description);
        var stories = db.Stories.Published(clock.UtcNow).Where(s => db.StoryCategories.Any(x => x.StoryId == s.Id && x.CategoryId == category.Id));
        Listing = await Listing.LoadAsync(stories, SiteLinks.Category(slug), pageNumber ?? 1, ct);
        CacheTags.Add(HttpContext, [CacheTags.Category(slug), .. Listing.Cards.Select(c => CacheTags.Story(c.Id))]);
        ViewData["Meta"] = ListingMeta.For(Name, $"{Name}: {Listing.Total} stories from history, in time order.", Listing, p => links.Absolute(Request, p));
        return Page();
    }
}
