using System.Globalization;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Newsroom;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Almanac.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Stories;

/// <summary>
/// <c>/admin/stories/new</c> and <c>/admin/stories/{id}</c>: the story editor. One form carries every
/// field; its buttons preview, add a source row, save, submit, schedule or publish. Everything works
/// without JavaScript; story-editor.js only refreshes the preview as the body is typed.
/// </summary>
public sealed class EditModel(AlmanacDbContext db, StoryPages pages, SiteClock clock, TimeProvider time, MediaLibrary library) : PageModel
{
    private readonly StoryEditor editor = new(db, pages, clock, time);

    [BindProperty]
    public StoryForm Input { get; set; } = new();

    /// <summary>The story being edited; null on /admin/stories/new.</summary>
    public Story? Story { get; private set; }

    public bool IsEditor { get; private set; }

    /// <summary>False when a contributor opens their own story after it left review: they may look, not change.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>What the site makes of the date: "25 October 1917 (O.S.) → shown on 7 November".</summary>
    public string? Reading { get; private set; }

    public string? PreviewHtml { get; private set; }

    public IReadOnlyList<Category> AllCategories { get; private set; } = [];

    /// <summary>The newest images of the library, and the story's own if it is older.</summary>
    public IReadOnlyList<MediaItem> Images { get; private set; } = [];

    public string ZoneId => clock.Zone.Id;

    /// <summary>Set when the save was refused: the revision someone else saved after this form was opened.</summary>
    public StoryRevision? Conflict { get; private set; }

    /// <summary>A moment in the site's zone, as the newsroom reads it: "4 August 2024, 14:05".</summary>
    public string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, clock.Zone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } problem)
        {
            return problem;
        }

        if (Story is not null)
        {
            Input = StoryForm.From(StorySnapshot.Of(Story));
            Input.BaseRevision = (await StoryRevisions.LatestAsync(db, Story.Id, ct))?.Number ?? 0;
            if (Story.PublishAtUtc is { } at)
            {
                Input.PublishAt = TimeZoneInfo.ConvertTimeFromUtc(at, clock.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            }
        }

        Input.Sources.Add(new SourceRow());
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string id, string? act, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } problem)
        {
            return problem;
        }

        switch (act)
        {
            case "preview":
                PreviewHtml = StoryMarkdown.ToHtml(Input.Body ?? "");
                return await ShowAsync(ct);
            case "add-source":
                Input.Sources.Add(new SourceRow());
                return await ShowAsync(ct);
        }

        StoryAction? action = act switch
        {
            "save" => StoryAction.Save,
            "submit" => StoryAction.Submit,
            "schedule" => StoryAction.Schedule,
            "publish" => StoryAction.Publish,
            _ => null,
        };
        if (action is not { } chosen)
        {
            return BadRequest();
        }

        if (!CanEdit || !StoryAccess.CanDo(User, chosen))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var saved = await editor.SaveAsync(Story, Input, chosen, User, restoredFrom: null, ct);
        if (saved.Conflict is { } theirs)
        {
            // Nothing was saved; the form keeps every word the user typed. It now counts as having
            // seen the other revision, so saving it again is a choice made knowingly.
            db.ChangeTracker.Clear();
            Story = await editor.LoadAsync(Story!.Id, ct);
            if (Story is null)
            {
                return NotFound();
            }

            Conflict = theirs;
            Input.BaseRevision = theirs.Number;
            return await ShowAsync(ct);
        }

        if (!saved.Succeeded)
        {
            foreach (var (field, message) in saved.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            return await ShowAsync(ct);
        }

        var story = saved.Story!;
        Done = chosen switch
        {
            StoryAction.Submit => "Saved and sent for review.",
            StoryAction.Schedule => $"Saved and scheduled for {TimeZoneInfo.ConvertTimeFromUtc(story.PublishAtUtc!.Value, clock.Zone):d MMMM yyyy, HH:mm} ({clock.Zone.Id}).",
            StoryAction.Publish => "Saved and published.",
            _ => "Saved.",
        };
        return Redirect($"/admin/stories/{story.Id}");
    }

    /// <summary>Takes a published or scheduled story off the site.</summary>
    public async Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } problem)
        {
            return problem;
        }

        if (Story is null || !IsEditor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Story.Status is StoryStatus.Published or StoryStatus.Scheduled)
        {
            await editor.UnpublishAsync(Story, User, ct);
            Done = "The story is no longer on the site.";
        }

        return Redirect($"/admin/stories/{Story.Id}");
    }

    /// <summary>The preview as an HTML fragment, for story-editor.js (anti-forgery is checked as on every post).</summary>
    public ContentResult OnPostRender() =>
        Content(StoryMarkdown.ToHtml(Input.Body ?? ""), "text/html; charset=utf-8");

    /// <summary>The problem with a field of the form ("Title", "Sources[0].Url"), if any.</summary>
    public string? Problem(string field) =>
        ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The story named by the route, and what the user may do with it; a result when the answer is "nothing".</summary>
    private async Task<IActionResult?> FindAsync(string id, CancellationToken ct)
    {
        IsEditor = StoryAccess.IsEditor(User);
        if (id == "new")
        {
            CanEdit = true;
            return null;
        }

        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int storyId) || await editor.LoadAsync(storyId, ct) is not { } story)
        {
            return NotFound();
        }

        if (!StoryAccess.CanView(User, story))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Story = story;
        CanEdit = StoryAccess.CanEdit(User, story);
        return null;
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        AllCategories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var images = (await library.ListAsync(null, 1, ct: ct)).Items.ToList();
        if (Input.ImageId is { } imageId && images.All(i => i.Id != imageId) && await library.GetAsync(imageId, ct) is { } chosen)
        {
            images.Insert(0, chosen);
        }

        Images = images;
        if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(StoryForm.Date)}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && Input.TryDate(out var date, out _))
        {
            Reading = StoryDateText.Reading(date, Input.TryPlacement(out var placement, out _) ? placement : null);
        }

        if (Input.Sources.Count == 0)
        {
            Input.Sources.Add(new SourceRow());
        }

        return Page();
    }
}
