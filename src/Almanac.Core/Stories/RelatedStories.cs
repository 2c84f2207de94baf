using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Stories;

/// <summary>
/// Related stories, version 1: stories sharing topics rank first (3 points a topic), then shared
/// categories (2 points each), then the same calendar day (1 point); ties go to the story closest in
/// time. Candidates come from index ranges (a topic's stories, a category's newest stories, the
/// day's stories), so no query scans the whole table. Never the story itself.
/// </summary>
public static class RelatedStories
{
    public const int Count = 6;

    private const int CandidatesPerSource = 40;

    public static async Task<IReadOnlyList<StoryCard>> FindAsync(
        AlmanacDbContext db, int storyId, int year, int? placementMonth, int? placementDay, DateTime nowUtc, CancellationToken ct)
    {
        var topicIds = db.StoryTopics.Where(x => x.StoryId == storyId).Select(x => x.TopicId);
        var categoryIds = db.StoryCategories.Where(x => x.StoryId == storyId).Select(x => x.CategoryId);

        var byTopic = await db.StoryTopics.AsNoTracking()
            .Where(x => x.StoryId != storyId && topicIds.Contains(x.TopicId))
            .GroupBy(x => x.StoryId)
            .Select(g => new { StoryId = g.Key, Shared = g.Count() })
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.StoryId)
            .Take(CandidatesPerSource)
            .ToListAsync(ct);

        var byCategory = await db.StoryCategories.AsNoTracking()
            .Where(x => x.StoryId != storyId && categoryIds.Contains(x.CategoryId))
            .OrderByDescending(x => x.StoryId)
            .Select(x => x.StoryId)
            .Take(CandidatesPerSource)
            .ToListAsync(ct);

        var candidateIds = byTopic.Select(x => x.StoryId).Concat(byCategory).Distinct().ToList();
        var cards = await db.Stories.AsNoTracking().Published(nowUtc)
            .Where(s => s.Id != storyId && (candidateIds.Contains(s.Id)
                || (placementMonth != null && s.PlacementMonth == placementMonth && s.PlacementDay == placementDay)))
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                Card = new StoryCard(s.Id, s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa,
                    s.PlacementMonth, s.PlacementDay, s.Summary),
                SharedCategories = s.Categories.Count(c => categoryIds.Contains(c.Id)),
            })
            .Take(CandidatesPerSource * 3)
            .ToListAsync(ct);

        var topicScore = byTopic.ToDictionary(x => x.StoryId, x => x.Shared);
        return [.. cards
            .Select(c => new
            {
                c.Card,
                Score = (3 * topicScore.GetValueOrDefault(c.Card.Id)) + (2 * c.SharedCategories)
                    + (c.Card.PlacementMonth == placementMonth && c.Card.PlacementDay == placementDay && placementMonth != null ? 1 : 0),
            })
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => Math.Abs(x.Card.Year - year))
            .ThenBy(x => x.Card.Id)
            .Take(Count)
            .Select(x => x.Card)];
    }
}
