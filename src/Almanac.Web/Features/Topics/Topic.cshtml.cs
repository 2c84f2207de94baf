using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Topics;

[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class TopicModel(AlmanacDbContext db, SiteClock clock, SiteLinks links) : PageModel
{
    public TagListing Tag { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var topic = await db.Topics.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, t.Name, t.Description }).FirstOrDefaultAsync(ct);
        if (topic is null)
        {
            return NotFound();
        }

        var stories = db.Stories.Published(clock.UtcNow).Where(s => db.StoryTopics.Any(x => x.StoryId == s.Id && x.TopicId == topic.Id));
        Tag = await TagListing.LoadAsync(HttpContext, topic.Name, topic.Description, stories, SiteLinks.Topic(slug), CacheTags.Topic(slug), pageNumber ?? 1, ct);
        ViewData["Meta"] = Tag.Meta(p => links.Absolute(Request, p));
        return Page();
    }
}
