using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Stories;

/// <summary><c>/admin/stories</c>: the newsroom's stories, last changed first; contributors see only their own.</summary>
public sealed class IndexModel(AlmanacDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Headline, string Slug, StoryStatus Status, DateTime UpdatedAtUtc, DateTime? PublishAtUtc);

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "status")]
    public string? StatusFilter { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public StoryStatus? Status { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Stories.AsNoTracking();
        if (!StoryAccess.IsEditor(User))
        {
            var me = StoryAccess.UserId(User);
            query = query.Where(s => s.OwnerId == me);
        }

        if (Enum.TryParse<StoryStatus>(StatusFilter, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            Status = status;
            query = query.Where(s => s.Status == status);
        }

        var term = (Search ?? "").Trim();
        if (term.Length > 0)
        {
            Search = term.Length > 200 ? term[..200] : term;
            // Lower-cased on both sides so the search ignores case on SQLite and PostgreSQL alike (SQL lower()).
            var lower = Search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL, see above
            query = query.Where(s => s.Title.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        int page = CurrentPage = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await query.OrderByDescending(s => s.UpdatedAtUtc).ThenByDescending(s => s.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new { s.Id, s.Year, s.Title, s.Slug, s.Status, s.UpdatedAtUtc, s.PublishAtUtc })
            .ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Id, Story.Headline(r.Year, r.Title), r.Slug, r.Status, r.UpdatedAtUtc, r.PublishAtUtc))];
    }

    /// <summary>A page of the current filter; the first page keeps the bare filter.</summary>
    public string Link(int page) => "/admin/stories" + QueryString.Create(new KeyValuePair<string, string?>[]
    {
        new("status", Status?.ToString().ToLowerInvariant()),
        new("q", Search is { Length: > 0 } ? Search : null),
        new("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
    }.Where(p => p.Value is not null));
}
