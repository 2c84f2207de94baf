using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Embed;

/// <summary><c>/embed/story/{slug}</c>: one story as a small card, the iframe that oEmbed hands out.</summary>
[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class EmbedStoryModel(AlmanacDbContext db, SiteClock clock) : PageModel
{
    public StoryCard Story { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (slug.Length > Slugs.MaxLength
            || await db.Stories.AsNoTracking().Published(clock.UtcNow).Where(s => s.Slug == slug).SelectCards().FirstOrDefaultAsync(ct) is not { } story)
        {
            return NotFound();
        }

        Story = story;
        CacheTags.Add(HttpContext, [CacheTags.Story(story.Id)]);
        return Page();
    }
}
