using System.Text.Json.Nodes;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Months;

/// <summary>A month at a glance: <c>/month/august</c>; "8", "08" and "August" redirect there.</summary>
[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class MonthModel(AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> site) : PageModel
{
    public MonthView View { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public string PreviousName { get; private set; } = "";

    public string NextName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string month, CancellationToken ct)
    {
        if (!MonthLinks.TryParse(month, out int m, out bool canonical))
        {
            return NotFound();
        }

        if (!canonical)
        {
            return RedirectPermanent(MonthLinks.Month(m));
        }

        View = await MonthView.LoadAsync(db, m, clock.UtcNow, ct);

        // The month and every day of it, so a change on any of them evicts the page; and the stories whose headlines it shows.
        CacheTags.Add(HttpContext, [CacheTags.Month(m), .. View.Days.Select(d => CacheTags.Day(d.Day)), .. View.Shown.Select(c => CacheTags.Story(c.Id))]);

        var names = site.CurrentValue.CultureInfo.DateTimeFormat;
        Name = names.GetMonthName(m);
        PreviousName = names.GetMonthName(MonthLinks.Previous(m));
        NextName = names.GetMonthName(MonthLinks.Next(m));
        ViewData["Meta"] = Meta();
        return Page();
    }

    private PageMeta Meta()
    {
        var culture = site.CurrentValue.CultureInfo;
        var title = $"{Name} in history";
        var description = View.Total == 0
            ? $"Every day of {Name} in history."
            : $"Every day of {Name} in history: {View.Total} {(View.Total == 1 ? "story" : "stories")}, with the story of each day.";
        var path = MonthLinks.Month(View.Month);
        var items = new JsonArray();
        foreach (var day in View.Days)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = day.Day.Day,
                ["url"] = links.Absolute(Request, SiteLinks.Day(day.Day)),
                ["name"] = day.StoryOfTheDay is { } s ? $"{day.Day.ToDisplayString(culture)}: {s.Headline}" : day.Day.ToDisplayString(culture),
            });
        }

        var first = View.Shown.FirstOrDefault();
        return new PageMeta
        {
            Title = title,
            Description = description,
            CanonicalPath = path,
            ImagePath = first is null ? null : SiteLinks.Cover(first.Slug, 1200, "png"),
            ImageAlt = first?.Headline,
            JsonLd = new JsonObject
            {
                ["@type"] = "ItemList",
                ["name"] = title,
                ["description"] = description,
                ["numberOfItems"] = items.Count,
                ["itemListElement"] = items,
            },
            Breadcrumbs = [new Crumb("Months", MonthLinks.Index), new Crumb(Name, path)],
        };
    }
}
