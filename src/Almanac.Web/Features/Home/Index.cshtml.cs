using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Web.Features.Days;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Home;

/// <summary>Today: the site's calendar day (the browser may switch to the reader's own, see today.js).</summary>
[OutputCache(PolicyName = PageCaching.Today)]
[ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
public sealed class IndexModel(AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptions<SiteOptions> site) : PageModel
{
    public DayView View { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        View = await DayView.LoadAsync(db, clock.TodayDay, Today.Year, clock.UtcNow, 1, ct);
        CacheTags.Add(HttpContext, [CacheTags.Day(View.Day), .. View.AllCards.Select(c => CacheTags.Story(c.Id))]);
        if (View.Day == new CalendarDay(2, 28))
        {
            CacheTags.Add(HttpContext, [CacheTags.Day(CalendarDay.LeapDay)]);
        }

        var culture = site.Value.CultureInfo;
        var description = DayJsonLd.Description(View, culture);
        ViewData["Meta"] = new PageMeta
        {
            Title = $"Today in history: {View.Day.ToDisplayString(culture)}",
            Description = description,
            CanonicalPath = "/",
            ImagePath = View.Featured is { } f ? SiteLinks.Cover(f.Slug, 1200, "png") : null,
            ImageAlt = View.Featured?.Headline,
            JsonLd = DayJsonLd.For(View, $"Today in history: {View.Day.ToDisplayString(culture)}", description, p => links.Absolute(Request, p)),
        };
    }
}
