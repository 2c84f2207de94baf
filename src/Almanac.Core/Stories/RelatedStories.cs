using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Stories;

/// <summary>
/// Related stories, version 2: a blend of shared topics, shared categories, text similarity and
/// closeness in time, computed when stories change and stored as <see cref="StoryRelation"/> rows, so
/// a story page reads them with one indexed query. See docs/related.md for the scoring, with examples.
/// <para>
/// Deterministic: scores are rounded to four decimals and ties go to the lower id. Never the story
/// itself; only published stories (by status: a story scheduled for later is ranked now and shown
/// from its publication time on, because <see cref="ReadAsync"/> filters by the time of reading).
/// </para>
/// <para>
/// Candidates come from the story's topics, its distinctive words (<see cref="TextSimilarity"/>) and —
/// because categories are broad — only the stories of its categories nearest in time, so ranking stays
/// close to linear in the size of the site.
/// </para>
/// </summary>
public static class RelatedStories
{
    public const int Count = 6;

    /// <summary>
    /// Up to this many published stories, a change ranks every story again; above it only the lists a
    /// change can reach are ranked again (see <see cref="RefreshAsync"/>).
    /// </summary>
    public const int FullRefreshLimit = 5000;

    /// <summary>How many stories of each shared category, nearest in time, are considered.</summary>
    public const int CategoryNeighbours = 24;

    public const double TopicWeight = 3;

    public const double CategoryWeight = 1;

    public const double TextWeight = 5;

    /// <summary>Below this cosine two texts count as unrelated (they share a stray word or two).</summary>
    public const double MinTextSimilarity = 0.05;

    public const double TimeWeight = 1;

    /// <summary>Years after which closeness in time has halved.</summary>
    public const double TimeHalfLifeYears = 50;

    /// <summary>What ranking needs to know of a story; <paramref name="Text"/> is only read by <see cref="RankAll(IReadOnlyList{Facts})"/>.</summary>
    public sealed record Facts(int Id, int Year, int[] Topics, int[] Categories, string Text = "");

    public static double TopicScore(Facts story, Facts other) => TopicWeight * story.Topics.Intersect(other.Topics).Count();

    public static double CategoryScore(Facts story, Facts other) => CategoryWeight * story.Categories.Intersect(other.Categories).Count();

    public static double TextScore(double cosine) => cosine >= MinTextSimilarity ? TextWeight * cosine : 0;

    /// <summary>1 point for the same year, half of it 50 years apart, a quarter 100 years apart.</summary>
    public static double TimeScore(int yearsApart) => TimeWeight * Math.Pow(0.5, Math.Abs(yearsApart) / TimeHalfLifeYears);

    /// <summary>
    /// The blend. Closeness in time only adds to stories related in some other way: on its own every
    /// story of the same decade would be "related".
    /// </summary>
    public static double Score(Facts story, Facts other, double cosine)
    {
        double related = TopicScore(story, other) + CategoryScore(story, other) + TextScore(cosine);
        return related > 0 ? Math.Round(related + TimeScore(story.Year - other.Year), 4) : 0;
    }

    /// <summary>Ranks the related stories of every story, the text taken from <see cref="Facts.Text"/>.</summary>
    public static Dictionary<int, List<(int Id, double Score)>> RankAll(IReadOnlyList<Facts> stories)
    {
        var text = new TextSimilarity();
        foreach (var s in stories)
        {
            text.Add(s.Id, s.Text);
        }

        return Rank(stories, text.Build(), null);
    }

    /// <summary>Ranks the related stories of the <paramref name="subjects"/> (all when null) among <paramref name="stories"/>.</summary>
    public static Dictionary<int, List<(int Id, double Score)>> Rank(IReadOnlyList<Facts> stories, TextSimilarity text, IReadOnlySet<int>? subjects)
    {
        var index = new CandidateIndex(stories);
        var result = new Dictionary<int, List<(int, double)>>();
        foreach (var story in stories)
        {
            if (subjects is not null && !subjects.Contains(story.Id))
            {
                continue;
            }

            var similar = text.Similar(story.Id);
            result[story.Id] = [.. index.Candidates(story, similar)
                .Select(c => (Story: c, Score: Score(story, c, similar.GetValueOrDefault(c.Id))))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Story.Id)
                .Take(Count)
                .Select(x => (x.Story.Id, x.Score))];
        }

        return result;
    }

    /// <summary>
    /// Recomputes the stored relations of every published story. In memory and in one pass (texts
    /// streamed, only their term vectors kept), so it also serves imports and generated sites.
    /// </summary>
    public static async Task RecomputeAllAsync(AlmanacDbContext db, CancellationToken ct = default)
    {
        var (facts, text) = await LoadAsync(db, ct);
        var ranked = Rank(facts, text, null);
        await InTransactionAsync(db, async () =>
        {
            await db.StoryRelations.ExecuteDeleteAsync(ct);
            await WriteAsync(db, ranked, ct);
        }, ct);
    }

    /// <summary>
    /// After the given stories changed (added, edited, re-tagged, unpublished or deleted), recomputes
    /// the lists that may differ: those of the changed stories, of the stories whose stored lists
    /// included one of them (<paramref name="listedBy"/>, read before the change), and of the changed
    /// stories' candidates (same topic, category neighbour, shared distinctive word), which are the
    /// stories that may now rank them, the score being symmetric. On sites up to
    /// <see cref="FullRefreshLimit"/> stories every list is ranked again instead. The whole site is
    /// read to weigh the words, so this costs about one full read per save. Above the limit, lists out
    /// of reach keep scores made with the word weights of before the change (a word's rarity moves a
    /// little with every story) until the next <see cref="RecomputeAllAsync"/>; see docs/related.md.
    /// </summary>
    public static async Task RefreshAsync(AlmanacDbContext db, IReadOnlyCollection<int> changedIds, IEnumerable<int> listedBy, CancellationToken ct = default)
    {
        if (changedIds.Count == 0)
        {
            return;
        }

        var changed = changedIds.ToHashSet();
        var (facts, text) = await LoadAsync(db, ct);
        if (facts.Count <= FullRefreshLimit)
        {
            // Small sites: rank everything again. Exact, and costs milliseconds.
            await InTransactionAsync(db, async () =>
            {
                await db.StoryRelations.ExecuteDeleteAsync(ct);
                await WriteAsync(db, Rank(facts, text, null), ct);
            }, ct);
            return;
        }

        var affected = new HashSet<int>(changed);
        affected.UnionWith(listedBy);
        affected.UnionWith(await db.StoryRelations.AsNoTracking()
            .Where(r => changed.Contains(r.RelatedStoryId)).Select(r => r.StoryId).ToListAsync(ct));
        var index = new CandidateIndex(facts);
        foreach (var story in facts.Where(f => changed.Contains(f.Id)))
        {
            affected.UnionWith(index.Candidates(story, text.Similar(story.Id)).Select(c => c.Id));
        }

        var ranked = Rank(facts, text, affected);
        var ids = affected.ToList();
        await InTransactionAsync(db, async () =>
        {
            await db.StoryRelations.Where(r => ids.Contains(r.StoryId)).ExecuteDeleteAsync(ct);
            await WriteAsync(db, ranked, ct);
        }, ct);
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

    private static async Task<(List<Facts>, TextSimilarity)> LoadAsync(AlmanacDbContext db, CancellationToken ct)
    {
        var published = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published);
        var stories = await published.Select(s => new { s.Id, s.Year }).ToListAsync(ct);
        var topics = (await db.StoryTopics.AsNoTracking().ToListAsync(ct)).ToLookup(x => x.StoryId, x => x.TopicId);
        var categories = (await db.StoryCategories.AsNoTracking().ToListAsync(ct)).ToLookup(x => x.StoryId, x => x.CategoryId);
        var text = new TextSimilarity();
        // Streamed: only the term counts of each text stay in memory, not the texts.
        await foreach (var s in published.Select(s => new { s.Id, s.Title, s.Summary, s.Body }).AsAsyncEnumerable().WithCancellation(ct))
        {
            // The title counts twice: it names what the story is about.
            text.Add(s.Id, $"{s.Title} {s.Title} {s.Summary} {s.Body}");
        }

        List<Facts> facts = [.. stories.Select(s => new Facts(s.Id, s.Year, [.. topics[s.Id]], [.. categories[s.Id]]))];
        return (facts, text.Build());
    }

    // A caller's open transaction (an editor saving several things at once) is joined, not nested.
    private static async Task InTransactionAsync(AlmanacDbContext db, Func<Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await work();
        await transaction.CommitAsync(ct);
    }

    private static async Task WriteAsync(AlmanacDbContext db, Dictionary<int, List<(int Id, double Score)>> ranked, CancellationToken ct)
    {
        // Runs inside an editor's save too: only the rows added here are detached afterwards, the
        // editor's own tracked entities are left as they are.
        bool detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rows = new List<StoryRelation>();
        try
        {
            foreach (var (storyId, related) in ranked.OrderBy(kv => kv.Key))
            {
                for (int rank = 0; rank < related.Count; rank++)
                {
                    rows.Add(new StoryRelation { StoryId = storyId, Rank = rank, RelatedStoryId = related[rank].Id, Score = related[rank].Score });
                }
            }

            db.StoryRelations.AddRange(rows);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Where a story's candidates come from: its topics, its categories' nearest stories in time, its similar texts.</summary>
    private sealed class CandidateIndex
    {
        private readonly Dictionary<int, Facts> byId;
        private readonly Dictionary<int, List<Facts>> byTopic = [];
        private readonly Dictionary<int, List<Facts>> byCategory = [];
        private readonly HashSet<Facts> candidates = new(ReferenceEqualityComparer.Instance);

        public CandidateIndex(IReadOnlyList<Facts> stories)
        {
            byId = stories.ToDictionary(s => s.Id);
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
            }

            foreach (var list in byCategory.Values)
            {
                list.Sort((a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : a.Id.CompareTo(b.Id));
            }
        }

        public HashSet<Facts> Candidates(Facts story, Dictionary<int, double> similar)
        {
            candidates.Clear();
            foreach (var t in story.Topics)
            {
                candidates.UnionWith(byTopic[t]);
            }

            foreach (var c in story.Categories)
            {
                candidates.UnionWith(NearestInTime(byCategory[c], story.Year, CategoryNeighbours));
            }

            foreach (var id in similar.Keys)
            {
                if (byId.TryGetValue(id, out var s))
                {
                    candidates.Add(s);
                }
            }

            candidates.Remove(story);
            return candidates;
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
}
