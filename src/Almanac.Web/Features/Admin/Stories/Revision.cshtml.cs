using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Newsroom;
using Almanac.Core.Stories;
using Almanac.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Stories;

/// <summary>
/// <c>/admin/stories/{id}/revisions/{number}</c>: one revision, field by field against the one before it
/// (a line diff for each changed field), and "Restore", which saves its content as a new revision.
/// </summary>
public sealed class RevisionModel(AlmanacDbContext db, StoryPages pages, SiteClock clock, TimeProvider time) : PageModel
{
    private readonly StoryEditor editor = new(db, pages, clock, time);

    public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);

    public Story Story { get; private set; } = null!;

    public StoryRevision Revision { get; private set; } = null!;

    public int? PreviousNumber { get; private set; }

    public IReadOnlyList<FieldDiff> Diffs { get; private set; } = [];

    public bool CanRestore { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public static string FieldLabel(string field) => field switch
    {
        "Placement" => "Day page",
        "ImageId" or "Image" => "Image",
        "CommentsClosed" => "Comments",
        "AuthorName" => "Author",
        "Slug" => "Address",
        _ => field,
    };

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken ct) =>
        await FindAsync(id, number, ct) ?? Page();

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, CancellationToken ct)
    {
        if (await FindAsync(id, number, ct) is { } problem)
        {
            return problem;
        }

        if (!CanRestore)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var form = StoryForm.From(StorySnapshot.FromJson(Revision.Snapshot));
        var saved = await editor.SaveAsync(Story, form, StoryAction.Save, User, restoredFrom: number, ct);
        if (!saved.Succeeded)
        {
            Problems = [.. saved.Errors.Values];
            return Page();
        }

        TempData["Done"] = $"Revision {number} was restored as a new revision.";
        return Redirect($"/admin/stories/{id}/revisions");
    }

    private async Task<IActionResult?> FindAsync(int id, int number, CancellationToken ct)
    {
        if (await editor.LoadAsync(id, ct) is not { } story
            || await db.StoryRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.StoryId == id && r.Number == number, ct) is not { } revision)
        {
            return NotFound();
        }

        if (!StoryAccess.CanView(User, story))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Story = story;
        Revision = revision;
        CanRestore = StoryAccess.CanEdit(User, story);
        var previous = await db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == id && r.Number < number)
            .OrderByDescending(r => r.Number).Select(r => new { r.Number, r.Snapshot }).FirstOrDefaultAsync(ct);
        PreviousNumber = previous?.Number;
        var after = StorySnapshot.FromJson(revision.Snapshot);
        var before = previous is null ? null : StorySnapshot.FromJson(previous.Snapshot);
        Diffs = [.. StorySnapshot.Changes(before, after)
            .Select(f => new FieldDiff(f, TextDiff.Lines(before?.FieldText(f) ?? "", after.FieldText(f))))
            .Where(d => before is not null || d.Lines.Any(l => l.Text.Length > 0))];
        return null;
    }
}
