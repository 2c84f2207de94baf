using Almanac.Core.Comments;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Account;
using Almanac.Web.Features.Comments;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Comments;

/// <summary>The editors' moderation queue at <c>/admin/comments</c>: pending and spam, bulk actions, bans, closing a story.</summary>
[Authorize(Policy = AdminPolicies.Editors)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(AlmanacDbContext db, CommentModeration moderation, IOutputCacheStore cache, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public sealed record QueueItem(int Id, string AuthorName, string? Email, string Body, DateTime CreatedAtUtc, string StorySlug, string StoryHeadline, bool IsReply, int Links);

    public sealed record ClosedStory(string Slug, string Headline);

    public CommentStatus Tab { get; private set; }

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public int PendingCount { get; private set; }

    public int SpamCount { get; private set; }

    public Pager Pager { get; private set; } = new(1, 1, "/admin/comments");

    public IReadOnlyList<ClosedStory> Closed { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string? tab, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Tab = tab == "spam" ? CommentStatus.Spam : CommentStatus.Pending;
        PendingCount = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, ct);
        SpamCount = await db.Comments.CountAsync(c => c.Status == CommentStatus.Spam, ct);
        int total = Tab == CommentStatus.Spam ? SpamCount : PendingCount;
        int pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        int page = Math.Clamp(pageNumber ?? 1, 1, pageCount);
        var rows = await db.Comments.AsNoTracking().Where(c => c.Status == Tab)
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new { c.Id, c.AuthorName, c.Email, c.Body, c.CreatedAtUtc, c.Story!.Slug, c.Story.Year, c.Story.Title, IsReply = c.ParentId != null })
            .ToListAsync(ct);
        Items = [.. rows.Select(r => new QueueItem(r.Id, r.AuthorName, r.Email, r.Body, r.CreatedAtUtc, r.Slug, Story.Headline(r.Year, r.Title), r.IsReply, CommentText.CountLinks(r.Body)))];
        Pager = new Pager(page, pageCount, Tab == CommentStatus.Spam ? "/admin/comments?tab=spam" : "/admin/comments");
        Closed = [.. (await db.Stories.AsNoTracking().Where(s => s.CommentsClosed).OrderBy(s => s.Slug).Select(s => new { s.Slug, s.Year, s.Title }).Take(200).ToListAsync(ct))
            .Select(s => new ClosedStory(s.Slug, Story.Headline(s.Year, s.Title)))];
        ViewData["Meta"] = new PageMeta { Title = "Comments", Description = "Moderate reader comments.", CanonicalPath = "/admin/comments" };
        return Page();
    }

    /// <summary>Approve, mark as spam or delete the ticked comments.</summary>
    public async Task<IActionResult> OnPostBulkAsync(int[] ids, string? action, string? tab, CancellationToken ct)
    {
        CommentStatus? status = action switch
        {
            "approve" => CommentStatus.Approved,
            "spam" => CommentStatus.Spam,
            "delete" => CommentStatus.Deleted,
            _ => null,
        };
        if (status is not { } s || ids.Length == 0)
        {
            Done = "Tick one or more comments and choose an action.";
            return Back(tab);
        }

        var stories = await moderation.SetStatusAsync(ids, s, ct);
        await cache.EvictAsync(stories, ct);
        Newsroom.Audit(db, time, User, $"comments.{action}", $"comments {string.Join(',', ids)}");
        await db.SaveChangesAsync(ct);
        Done = $"{ids.Length} comment{(ids.Length == 1 ? "" : "s")}: {action switch { "approve" => "approved", "spam" => "marked as spam", _ => "deleted" }}.";
        return Back(tab);
    }

    /// <summary>Bans an address: its waiting comments go to spam, and so will its future ones.</summary>
    public async Task<IActionResult> OnPostBanAsync(string? email, string? tab, CancellationToken ct)
    {
        if (CommentModeration.NormalizeEmail(email) is not { } address)
        {
            Done = "Give the address to ban.";
            return Back(tab);
        }

        await moderation.BanAsync(address, ct);
        Newsroom.Audit(db, time, User, "comments.ban", address);
        await db.SaveChangesAsync(ct);
        Done = $"{address} is banned.";
        return Back(tab);
    }

    /// <summary>Closes (or reopens) comments on one story.</summary>
    public async Task<IActionResult> OnPostCloseAsync(string? slug, bool closed, string? tab, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().Where(s => s.Slug == slug).Select(s => new { s.Id, s.Slug }).SingleOrDefaultAsync(ct);
        if (story is null)
        {
            Done = $"There is no story \"{slug}\".";
            return Back(tab);
        }

        await moderation.SetClosedAsync(story.Id, closed, ct);
        await cache.EvictAsync([story.Id], ct);
        Newsroom.Audit(db, time, User, closed ? "comments.close" : "comments.reopen", $"story {story.Slug}");
        await db.SaveChangesAsync(ct);
        Done = closed ? $"Comments on {story.Slug} are closed." : $"Comments on {story.Slug} are open again.";
        return Back(tab);
    }

    private RedirectResult Back(string? tab) => Redirect(tab == "spam" ? "/admin/comments?tab=spam" : "/admin/comments");
}
