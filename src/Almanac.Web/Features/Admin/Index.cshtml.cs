using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin;

/// <summary>The newsroom's front page: how many stories are in each state.</summary>
public sealed class IndexModel(AlmanacDbContext db) : PageModel
{
    public IReadOnlyDictionary<StoryStatus, int> Counts { get; private set; } = new Dictionary<StoryStatus, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Meta"] = new PageMeta { Title = "Newsroom", Description = "The newsroom of the site.", CanonicalPath = "/admin" };
        Counts = await db.Stories.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
