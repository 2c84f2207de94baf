using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Days;

/// <summary>Any calendar day: <c>/day/august-4</c>; <c>/day/08-04</c> redirects there.</summary>
[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class DayModel(AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> site) : PageModel
{
    public DayView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string day, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (!CalendarDay.TryParse(day, out var calendarDay, out bool canonical))
        {
            return NotFound();
        }

        if (!canonical)
        {
            return RedirectPermanent(SiteLinks.Day(calendarDay));
        }

        View = await DayView.LoadAsync(db, calendarDay, clock.Today.Year, clock.UtcNow, pageNumber ?? 1, ct);
        CacheTags.Add(HttpContext, DayMeta.CacheTagsFor(View));
        var culture = site.CurrentValue.CultureInfo;
        var path = new Pager(View.Page, View.PageCount, SiteLinks.Day(calendarDay)).Link(View.Page);
        ViewData["Meta"] = DayMeta.For(View, $"On this day: {calendarDay.ToDisplayString(culture)}", path, culture, p => links.Absolute(Request, p));
        return Page();
    }
}
