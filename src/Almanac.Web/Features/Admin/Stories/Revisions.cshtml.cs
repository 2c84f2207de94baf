using Almanac.Core.Data;
using Almanac.Core.Newsroom;
using Almanac.Core.Stories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Stories;

/// <summary><c>/admin/stories/{id}/revisions</c>: every saved version of a story, newest first.</summary>
public sealed class RevisionsModel(AlmanacDbContext db) : PageModel
{
    public sealed record Row(int Number, DateTime CreatedAtUtc, string UserName, string Note, IReadOnlyList<string> Changed);

    public Story Story { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } story)
        {
            return NotFound();
        }

        if (!StoryAccess.CanView(User, story))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Story = story;
        var rows = await db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == id).OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.CreatedAtUtc, r.UserName, r.Note, r.ChangedFields }).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Number, r.CreatedAtUtc, r.UserName, r.Note, new StoryRevision { ChangedFields = r.ChangedFields }.Changed))];
        return Page();
    }
}
