using Almanac.Core.Comments;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Comments;

/// <summary>
/// A reader deletes their own comment with the signed link mailed to them: the link shows the comment
/// and a confirmation button (mail scanners that open links delete nothing).
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class DeleteModel(AlmanacDbContext db, CommentTokens tokens, CommentModeration moderation, IOutputCacheStore cache) : PageModel
{
    public string Token { get; private set; } = "";

    public CommentView? Comment { get; private set; }

    public string Slug { get; private set; } = "";

    public string Headline { get; private set; } = "";

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Comment is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        var found = await LoadAsync(token, ct);
        if (found is not { } f || Comment is null)
        {
            return NotFoundPage();
        }

        bool wasVisible = await db.Comments.AnyAsync(c => c.Id == f.Id && c.Status == CommentStatus.Approved, ct);
        Deleted = await moderation.DeleteOwnAsync(f.Id, f.Key, ct);
        if (Deleted && wasVisible)
        {
            await cache.EvictAsync([f.StoryId], ct);
        }

        Comment = null;
        return Page();
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<(int Id, string Key, int StoryId)?> LoadAsync(string? token, CancellationToken ct)
    {
        ViewData["Meta"] = new PageMeta { Title = "Delete your comment", Description = "Delete a comment you wrote.", CanonicalPath = "/" };
        if (tokens.ReadDeletion(token) is not { } link)
        {
            return null;
        }

        var row = await db.Comments.AsNoTracking()
            .Where(c => c.Id == link.Id && c.DeleteKey == link.Key && c.Status != CommentStatus.Deleted)
            .Select(c => new { View = new CommentView(c.Id, c.ParentId, c.AuthorName, c.Body, c.CreatedAtUtc), c.StoryId, c.Story!.Slug, c.Story.Year, c.Story.Title })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        Token = token!;
        Comment = row.View;
        Slug = row.Slug;
        Headline = Story.Headline(row.Year, row.Title);
        return (link.Id, link.Key, row.StoryId);
    }
}
