using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Search;

/// <summary>
/// The part of a search both databases share: filter the candidates the full-text index returned,
/// order them best first, count them, and read the cards of one page.
/// </summary>
/// <remarks>
/// A full-text index scores every row that matches, so a word found in most of a million stories
/// costs a million scores. A search therefore ranks at most <see cref="MaxCandidates"/> matches (those
/// that pass the filters, the most recently added first); a query with more matches reports
/// its total as "more than" (<see cref="SearchResults.TotalIsCapped"/>). Below the cap, which
/// holds for names, places and phrases, results are exactly ranked over every match.
/// </remarks>
public static class SearchRanking
{
    /// <summary>How many matches a search ranks at most (the newest ones).</summary>
    public const int MaxCandidates = 10_000;

    internal sealed class Candidate
    {
        public int Id { get; set; }

        /// <summary>Higher is better (each implementation maps its database's score to this).</summary>
        public double Score { get; set; }
    }

    internal sealed record Ranked(StoryCard Card, double Score);

    internal static async Task<(IReadOnlyList<Ranked> Page, int Total, bool Capped)> RankAsync(
        AlmanacDbContext db, IQueryable<Candidate> candidates, int maxCandidates, SearchQuery query, DateTime nowUtc, int page, int perPage, CancellationToken ct)
    {
        // The filters run inside the window, so a filtered query still sees up to the cap of its own matches.
        var window = SearchFilters.Apply(db, db.Stories.Published(nowUtc), query)
            .Join(candidates, s => s.Id, c => c.Id, (s, c) => c)
            .OrderByDescending(c => c.Id)
            .Take(maxCandidates);
        // Counting needs no scores, so SQLite skips them; the page orders the window in the database.
        int total = await window.CountAsync(ct);
        bool capped = total >= maxCandidates;
        var ids = await window.OrderByDescending(c => c.Score).ThenBy(c => c.Id)
            .Skip((page - 1) * perPage).Take(perPage)
            .Select(c => new { c.Id, c.Score })
            .ToListAsync(ct);
        if (ids.Count == 0)
        {
            return ([], total, capped);
        }

        var wanted = ids.Select(i => i.Id).ToList();
        var cards = await db.Stories.AsNoTracking().Where(s => wanted.Contains(s.Id))
            .Select(s => new StoryCard(s.Id, s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day,
                s.Precision, s.Calendar, s.Circa, s.PlacementMonth, s.PlacementDay, s.Summary))
            .ToDictionaryAsync(c => c.Id, ct);
        return ([.. ids.Where(i => cards.ContainsKey(i.Id)).Select(i => new Ranked(cards[i.Id], i.Score))], total, capped);
    }
}
