using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Almanac.Web.Features.Embed;

/// <summary><c>/embed/day</c>: today's stories (the site's day) for an iframe on another site.</summary>
[OutputCache(PolicyName = PageCaching.Today)]
[ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
public sealed class EmbedTodayModel(AlmanacDbContext db, SiteClock clock) : PageModel
{
    public EmbedDay Day { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Day = await EmbedDay.LoadAsync(db, clock, clock.TodayDay, ct);
        CacheTags.Add(HttpContext, Day.CacheTags);
    }
}
