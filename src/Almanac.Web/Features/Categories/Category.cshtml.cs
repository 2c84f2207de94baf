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
    public TagListing Tag { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => new { c.Id, c.Name, c.Description }).FirstOrDefaultAsync(ct);
        if (category is null)
        {
            return NotFound();
        }

        var stories = db.Stories.Published(clock.UtcNow).Where(s => db.StoryCategories.Any(x => x.StoryId == s.Id && x.CategoryId == category.Id));
        Tag = await TagListing.LoadAsync(HttpContext, category.Name, category.Description, stories, SiteLinks.Category(slug), CacheTags.Category(slug), pageNumber ?? 1, ct);
        ViewData["Meta"] = Tag.Meta(p => links.Absolute(Request, p));
        return Page();
    }
}
