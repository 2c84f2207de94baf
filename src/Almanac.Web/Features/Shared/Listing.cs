using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Shared;

/// <summary>A page of story cards in time order: the body of year, kind, category and topic pages.</summary>
public sealed record Listing(IReadOnlyList<StoryCard> Cards, Pager Pager, int Total)
{
    public const int PageSize = 30;

    /// <summary>Counts, then reads one page; a page past the end is clamped to the last page.</summary>
    public static async Task<Listing> LoadAsync(IQueryable<Story> stories, string path, int page, CancellationToken ct)
    {
        int total = await stories.CountAsync(ct);
        int pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var cards = await stories.AsNoTracking().Chronologically()
            .Skip((page - 1) * PageSize).Take(PageSize).SelectCards().ToListAsync(ct);
        return new Listing(cards, new Pager(page, pageCount, path), total);
    }
}
