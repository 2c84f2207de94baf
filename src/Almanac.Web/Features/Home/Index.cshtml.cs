using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Days;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Home;

/// <summary>Today: the site's calendar day (the browser may switch to the reader's own, see today.js).</summary>
[OutputCache(PolicyName = PageCaching.Today)]
[ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
public sealed class IndexModel(AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> site) : PageModel
{
    public DayView View { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>"Most read this week": the last seven UTC days, as counted by Features/MostRead.</summary>
    public IReadOnlyList<MostReadStory> MostRead { get; private set; } = [];

    public string TimeZone => site.CurrentValue.TimeZone;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        View = await DayView.LoadAsync(db, clock.TodayDay, Today.Year, clock.UtcNow, 1, ct);
        MostRead = await ReadCounts.MostReadAsync(db, clock.UtcNow, 7, 5, ct);
        CacheTags.Add(HttpContext, [.. DayMeta.CacheTagsFor(View), .. MostRead.Select(m => CacheTags.Story(m.Story.Id))]);
        var culture = site.CurrentValue.CultureInfo;
        ViewData["Meta"] = DayMeta.For(View, $"Today in history: {View.Day.ToDisplayString(culture)}", "/", culture, p => links.Absolute(Request, p));
    }
}
