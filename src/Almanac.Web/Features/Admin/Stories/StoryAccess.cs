using System.Security.Claims;
using Almanac.Core.Accounts;
using Almanac.Core.Stories;

namespace Almanac.Web.Features.Admin.Stories;

/// <summary>
/// Who may do what with a story. Editors and admins do everything; a contributor works only on
/// stories they created, and only while those are drafts or in review, and can at most submit them.
/// The pages answer 403 for anything else, whatever buttons they show.
/// </summary>
public static class StoryAccess
{
    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Sees the story in the editor (and its revisions).</summary>
    public static bool CanView(ClaimsPrincipal user, Story story) =>
        IsEditor(user) || (story.OwnerId is { } owner && owner == UserId(user));

    /// <summary>Changes the story's fields (save, submit, restore a revision).</summary>
    public static bool CanEdit(ClaimsPrincipal user, Story story) =>
        IsEditor(user) || (CanView(user, story) && story.Status is StoryStatus.Draft or StoryStatus.InReview);

    /// <summary>Whether the action of a save button is open to this user: contributors save and submit, nothing more.</summary>
    public static bool CanDo(ClaimsPrincipal user, StoryAction action) =>
        IsEditor(user) || action is StoryAction.Save or StoryAction.Submit;
}

/// <summary>What a save from the editor does to the story's status.</summary>
public enum StoryAction
{
    /// <summary>Keeps the status (a new story starts as a draft).</summary>
    Save,
    Submit,
    Schedule,
    Publish,
}
