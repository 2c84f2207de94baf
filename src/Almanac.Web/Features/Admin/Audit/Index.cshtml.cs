using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Audit;

/// <summary>The audit log, newest first: sign-ins, role changes, publishing, deletions.</summary>
[Authorize(Policy = AdminPolicies.Admins)]
public sealed class IndexModel(AlmanacDbContext db) : PageModel
{
    public const int PageSize = 100;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Meta"] = new PageMeta { Title = "Audit log", Description = "Who did what, and when.", CanonicalPath = "/admin/audit" };
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Entries = [.. rows.Take(PageSize)];
    }
}
