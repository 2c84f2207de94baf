using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Comments;

/// <summary>A comment as a story page shows it: no address, no hash.</summary>
public sealed record CommentView(int Id, int? ParentId, string AuthorName, string Body, DateTime CreatedAtUtc);

public sealed record CommentPage(IReadOnlyList<CommentView> Comments, int Page, int PageCount, int Total);

public static class CommentQueries
{
    /// <summary>Approved comments of a story that a reader may see: replies only under a visible comment.</summary>
    public static IQueryable<Comment> Visible(this IQueryable<Comment> comments, int storyId) =>
        comments.Where(c => c.StoryId == storyId && c.Status == CommentStatus.Approved
            && (c.ParentId == null || c.Parent!.Status == CommentStatus.Approved));

    /// <summary>
    /// Threads in the order they were started, each reply after its comment, one page at a time: the
    /// query reads at most <paramref name="pageSize"/> rows however many comments a story has.
    /// </summary>
    public static IQueryable<CommentView> PageOf(this IQueryable<Comment> visible, int page, int pageSize) =>
        visible.OrderBy(c => c.ParentId ?? c.Id).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorName, c.Body, c.CreatedAtUtc));

    public static async Task<CommentPage> LoadPageAsync(AlmanacDbContext db, int storyId, int page, int pageSize, CancellationToken ct)
    {
        var visible = db.Comments.AsNoTracking().Visible(storyId);
        int total = await visible.CountAsync(ct);
        int pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var comments = total == 0 ? [] : await visible.PageOf(page, pageSize).ToListAsync(ct);
        return new CommentPage(comments, page, pageCount, total);
    }
}
