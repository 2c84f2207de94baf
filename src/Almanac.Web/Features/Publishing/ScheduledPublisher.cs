using Almanac.Core.Data;
using Almanac.Core.Publishing;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Publishing;

/// <summary>
/// One round of the scheduler: publishes every Scheduled story whose time has come (see
/// <see cref="ScheduledPublishing"/> for the claim), then evicts the pages that now show it.
/// Scoped: it uses the request-style database context.
/// </summary>
public sealed partial class ScheduledPublisher(AlmanacDbContext db, StoryPages pages, TimeProvider time, ILogger<ScheduledPublisher> logger)
{
    /// <summary>At most this many stories per round; the next round takes the rest.</summary>
    public const int BatchSize = 100;

    /// <summary>Returns how many stories this call published (stories claimed by another run are not counted).</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int published = 0;
        foreach (var id in await ScheduledPublishing.DueAsync(db, now, BatchSize, ct))
        {
            var story = await db.Stories.AsNoTracking().Include(s => s.Categories).Include(s => s.Topics)
                .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
            if (story is null || !await ScheduledPublishing.TryPublishAsync(db, id, now, ct))
            {
                continue;
            }

            var before = StoryPlacement.Of(story);
            await pages.EvictAsync(before, before with { Status = StoryStatus.Published }, ct);
            LogPublished(logger, id, story.Slug, story.PublishAtUtc);
            published++;
        }

        return published;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scheduled story {StoryId} ({Slug}), due at {PublishAtUtc:u}")]
    private static partial void LogPublished(ILogger logger, int storyId, string slug, DateTime? publishAtUtc);
}
