using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Almanac.Web.Features.Embed;

/// <summary><c>/embed/day/08-04</c> or <c>/embed/day/august-4</c>: one day's stories for an iframe (both forms answer; no redirect inside a frame).</summary>
[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class EmbedDayModel(AlmanacDbContext db, SiteClock clock) : PageModel
{
    public EmbedDay Day { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string day, CancellationToken ct)
    {
        if (!CalendarDay.TryParse(day, out var calendarDay, out _))
        {
            return NotFound();
        }

        Day = await EmbedDay.LoadAsync(db, clock, calendarDay, ct);
        CacheTags.Add(HttpContext, Day.CacheTags);
        return Page();
    }
}
