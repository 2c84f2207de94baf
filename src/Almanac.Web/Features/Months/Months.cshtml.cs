using System.Text.Json.Nodes;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Months;

/// <summary>The twelve months with their story counts: <c>/month</c>.</summary>
[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class MonthsModel(AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> site) : PageModel
{
    public IReadOnlyList<(int Month, string Name, int Count)> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // One grouped count; only day-precise stories have a placement, as on the month pages themselves.
        var counts = await db.Stories.AsNoTracking().Published(clock.UtcNow)
            .Where(s => s.PlacementMonth != null)
            .GroupBy(s => s.PlacementMonth!.Value)
            .Select(g => new { Month = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Month, g => g.Count, ct);
        var names = site.CurrentValue.CultureInfo.DateTimeFormat;
        Months = [.. Enumerable.Range(1, 12).Select(m => (m, names.GetMonthName(m), counts.GetValueOrDefault(m)))];

        // A count changes with an edit on any day of the year.
        CacheTags.Add(HttpContext, Enumerable.Range(1, 12).Select(CacheTags.Month));

        var items = new JsonArray([.. Months.Select(m => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = m.Month,
            ["url"] = links.Absolute(Request, MonthLinks.Month(m.Month)),
            ["name"] = m.Name,
        })]);
        const string title = "The months in history";
        const string description = "Every month of the year in history, day by day, with its number of stories.";
        ViewData["Meta"] = new PageMeta
        {
            Title = title,
            Description = description,
            CanonicalPath = MonthLinks.Index,
            JsonLd = new JsonObject
            {
                ["@type"] = "ItemList",
                ["name"] = title,
                ["description"] = description,
                ["numberOfItems"] = items.Count,
                ["itemListElement"] = items,
            },
            Breadcrumbs = [new Crumb("Months", MonthLinks.Index)],
        };
    }
}
