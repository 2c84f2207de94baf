using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Stories;

/// <summary>A story with how many times readers opened it in a period.</summary>
public sealed record MostReadStory(StoryCard Story, int Reads);

/// <summary>Reading and adding to the per-day read counts (<see cref="StoryRead"/>).</summary>
public static class ReadCounts
{
    public const int MaxDays = 31;

    /// <summary>
    /// The published stories read most over the last <paramref name="days"/> UTC days, today
    /// included: most reads first, ties to the lower id. One range on the (Day, StoryId, Count) index.
    /// </summary>
    public static async Task<List<MostReadStory>> MostReadAsync(AlmanacDbContext db, DateTime nowUtc, int days, int count, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(nowUtc).AddDays(1 - days);
        var published = db.Stories.Published(nowUtc);
        var top = await db.StoryReads.AsNoTracking()
            .Where(r => r.Day >= from && published.Any(s => s.Id == r.StoryId))
            .GroupBy(r => r.StoryId)
            .Select(g => new { StoryId = g.Key, Reads = g.Sum(r => r.Count) })
            .OrderByDescending(x => x.Reads).ThenBy(x => x.StoryId)
            .Take(count)
            .ToListAsync(ct);
        var ids = top.Select(t => t.StoryId).ToList();
        var cards = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id)).SelectCards().ToDictionaryAsync(c => c.Id, ct);
        return [.. top.Where(t => cards.ContainsKey(t.StoryId)).Select(t => new MostReadStory(cards[t.StoryId], t.Reads))];
    }

    /// <summary>
    /// Adds counts to the stored totals. An upsert that adds to the row (SQLite and PostgreSQL share
    /// the syntax), so nodes flushing the same story and day at once add up instead of colliding.
    /// </summary>
    public static async Task AddAsync(AlmanacDbContext db, IEnumerable<(int StoryId, DateOnly Day, int Count)> reads, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (storyId, day, count) in reads)
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "StoryReads" ("StoryId", "Day", "Count") VALUES ({storyId}, {day}, {count}) ON CONFLICT ("StoryId", "Day") DO UPDATE SET "Count" = "StoryReads"."Count" + excluded."Count" """,
                ct);
        }

        await transaction.CommitAsync(ct);
    }
}
