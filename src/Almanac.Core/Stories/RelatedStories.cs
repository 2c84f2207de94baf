using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Stories;

/// <summary>
/// Related stories, version 1, computed when stories change and stored as <see cref="StoryRelation"/>
/// rows. Score: 3 points per shared topic, 2 per shared category, 1 for the same calendar day; ties go
/// to the story closest in time, then the lower id, so the result is deterministic. Never the story
/// itself, only published stories, at most <see cref="Count"/>.
/// <para>
/// Candidates come from the story's topics, its day, and — because categories are broad — only the
/// stories of its categories nearest in time, so ranking stays linear in the size of the site.
/// </para>
/// </summary>
public static class RelatedStories
{
    public const int Count = 6;

    /// <summary>How many stories of each shared category, nearest in time, are considered.</summary>
    public const int CategoryNeighbours = 24;

    /// <summary>What ranking needs to know of a story.</summary>
    public sealed record Facts(int Id, int Year, int? PlacementMonth, int? PlacementDay, int[] Topics, int[] Categories)
    {
        public int DayKey => PlacementMonth is { } m && PlacementDay is { } d ? (m * 100) + d : 0;
    }

    /// <summary>Ranks the related stories of every story among <paramref name="stories"/>.</summary>
    public static Dictionary<int, List<(int Id, int Score)>> RankAll(IReadOnlyList<Facts> stories)
    {
        var byTopic = new Dictionary<int, List<Facts>>();
        var byDay = new Dictionary<int, List<Facts>>();
        var byCategory = new Dictionary<int, List<Facts>>();
        foreach (var s in stories)
        {
            foreach (var t in s.Topics)
            {
                Add(byTopic, t, s);
            }

            foreach (var c in s.Categories)
            {
                Add(byCategory, c, s);
            }

            if (s.DayKey != 0)
            {
                Add(byDay, s.DayKey, s);
            }
        }

        foreach (var list in byCategory.Values)
        {
            list.Sort((a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : a.Id.CompareTo(b.Id));
        }

        var result = new Dictionary<int, List<(int, int)>>(stories.Count);
        var candidates = new HashSet<Facts>(ReferenceEqualityComparer.Instance);
        foreach (var story in stories)
        {
            candidates.Clear();
            foreach (var t in story.Topics)
            {
                candidates.UnionWith(byTopic[t]);
            }

            if (story.DayKey != 0)
            {
                candidates.UnionWith(byDay[story.DayKey]);
            }

            foreach (var c in story.Categories)
            {
                candidates.UnionWith(NearestInTime(byCategory[c], story.Year, CategoryNeighbours));
            }

            candidates.Remove(story);
            result[story.Id] = [.. candidates
                .Select(c => (Story: c, Score: Score(story, c)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => Math.Abs(x.Story.Year - story.Year))
                .ThenBy(x => x.Story.Id)
                .Take(Count)
                .Select(x => (x.Story.Id, x.Score))];
        }

        return result;
    }

    public static int Score(Facts story, Facts other) =>
        (3 * story.Topics.Intersect(other.Topics).Count())
        + (2 * story.Categories.Intersect(other.Categories).Count())
        + (story.DayKey != 0 && story.DayKey == other.DayKey ? 1 : 0);

    /// <summary>
    /// Recomputes the stored relations of every published story. In memory and in one pass, so it
    /// also serves imports and generated sites of 100,000 stories in seconds.
    /// </summary>
    public static async Task RecomputeAllAsync(AlmanacDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        var stories = await db.Stories.AsNoTracking().Published(nowUtc)
            .Select(s => new { s.Id, s.Year, s.PlacementMonth, s.PlacementDay }).ToListAsync(ct);
        var topics = (await db.StoryTopics.AsNoTracking().ToListAsync(ct)).ToLookup(x => x.StoryId, x => x.TopicId);
        var categories = (await db.StoryCategories.AsNoTracking().ToListAsync(ct)).ToLookup(x => x.StoryId, x => x.CategoryId);
        var ranked = RankAll([.. stories.Select(s => new Facts(s.Id, s.Year, s.PlacementMonth, s.PlacementDay, [.. topics[s.Id]], [.. categories[s.Id]]))]);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.StoryRelations.ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (storyId, related) in ranked)
        {
            for (int rank = 0; rank < related.Count; rank++)
            {
                db.StoryRelations.Add(new StoryRelation { StoryId = storyId, Rank = rank, RelatedStoryId = related[rank].Id, Score = related[rank].Score });
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await transaction.CommitAsync(ct);
    }

    /// <summary>The stored related stories of a story that a reader may see now: one indexed query.</summary>
    public static Task<List<StoryCard>> ReadAsync(AlmanacDbContext db, int storyId, DateTime nowUtc, CancellationToken ct) =>
        db.StoryRelations.AsNoTracking()
            .Where(r => r.StoryId == storyId)
            .OrderBy(r => r.Rank)
            .Select(r => r.RelatedStory!)
            .Published(nowUtc)
            .SelectCards()
            .ToListAsync(ct);

    private static IEnumerable<Facts> NearestInTime(List<Facts> sortedByYear, int year, int count)
    {
        // Binary search for the year, then walk outwards taking the closer neighbour each step.
        int lo = 0, hi = sortedByYear.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sortedByYear[mid].Year < year)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        int left = lo - 1, right = lo;
        for (int taken = 0; taken < count && (left >= 0 || right < sortedByYear.Count); taken++)
        {
            bool takeLeft = right >= sortedByYear.Count
                || (left >= 0 && year - sortedByYear[left].Year <= sortedByYear[right].Year - year);
            yield return takeLeft ? sortedByYear[left--] : sortedByYear[right++];
        }
    }

    private static void Add(Dictionary<int, List<Facts>> index, int key, Facts story)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(story);
    }
}
