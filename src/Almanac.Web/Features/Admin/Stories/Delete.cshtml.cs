using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Almanac.Web.Features.Admin.Stories;

/// <summary><c>/admin/stories/{id}/delete</c>: asks first, then deletes the story and everything that hangs on it.</summary>
public sealed class DeleteModel(AlmanacDbContext db, StoryPages pages, Almanac.Core.Calendar.SiteClock clock, TimeProvider time) : PageModel
{
    private readonly StoryEditor editor = new(db, pages, clock, time);

    public Story Story { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Editors only; a contributor gets a plain 403 rather than the sign-in dance.
        if (!StoryAccess.IsEditor(User))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await editor.LoadAsync(id, ct) is not { } story)
        {
            return NotFound();
        }

        Story = story;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        // Editors only; a contributor gets a plain 403 rather than the sign-in dance.
        if (!StoryAccess.IsEditor(User))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await editor.LoadAsync(id, ct) is not { } story)
        {
            return NotFound();
        }

        await editor.DeleteAsync(story, User, ct);
        Done = $"\u201c{story.Title}\u201d was deleted.";
        return Redirect("/admin/stories");
    }
}
