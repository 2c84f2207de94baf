using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Almanac.Web.Features.Years;

/// <summary>Every story of a year, of any date precision: <c>/year/1924</c>, <c>/year/44-bc</c>.</summary>
[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class YearModel(AlmanacDbContext db, SiteClock clock, SiteLinks links) : PageModel
{
    public Listing Listing { get; private set; } = null!;

    /// <summary>The current page's stories grouped by month, the year page's main view.</summary>
    public YearTimeline Timeline { get; private set; } = null!;

    public string Label { get; private set; } = "";

    public int PreviousYear { get; private set; }

    public int NextYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (!HistoricalDate.TryParseYearSlug(year, out int y) || y is < -9999 or > 9999)
        {
            return NotFound();
        }

        if (year != HistoricalDate.YearSlug(y))
        {
            return RedirectPermanent(SiteLinks.Year(y));
        }

        Label = HistoricalDate.YearLabel(y);
        PreviousYear = y - 1;
        NextYear = y + 1;
        Listing = await Listing.LoadAsync(db.Stories.Published(clock.UtcNow).InYear(y), SiteLinks.Year(y), pageNumber ?? 1, ct);
        Timeline = YearTimeline.From(Listing.Cards);
        CacheTags.Add(HttpContext, [CacheTags.Year(y), .. Listing.Cards.Select(c => CacheTags.Story(c.Id))]);
        ViewData["Meta"] = ListingMeta.For($"{Label} in history", $"What happened in {Label}: {Listing.Total} stories in date order.", Listing, p => links.Absolute(Request, p));
        return Page();
    }
}
