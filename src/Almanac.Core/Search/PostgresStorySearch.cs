using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Search;

/// <summary>
/// Search on PostgreSQL: the table <c>StorySearch</c> (created by the Postgres AddStorySearch
/// migration) holds the text columns of <see cref="SearchDocument"/> and a stored, generated
/// <c>tsvector</c> with a GIN index. The text search configuration <c>almanac</c> is <c>simple</c>
/// (no stemming, no stop words, like FTS5's unicode61) with <c>unaccent</c> in front, so search is
/// case- and accent-insensitive. Weights follow the SQLite ranking: title A; tags and summary B;
/// date and highlights C; body D; ranked with <c>ts_rank</c>.
/// </summary>
public sealed class PostgresStorySearch(AlmanacDbContext db, int maxCandidates = SearchRanking.MaxCandidates) : IStorySearch
{
    private const int Chunk = 500;

    private const string Marks = "StartSel=\uE000, StopSel=\uE001, HighlightAll=true";

    private const string Snippet = "StartSel=\uE000, StopSel=\uE001, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=\" … \"";

    public async Task<SearchResults> SearchAsync(SearchQuery query, DateTime nowUtc, CancellationToken ct = default)
    {
        var parsed = SearchText.Parse(query.Text);
        int perPage = Math.Clamp(query.PerPage, 1, 100);
        int page = Math.Max(1, query.Page);
        var tsQuery = parsed.ToTsQuery();
        if (parsed.IsEmpty || tsQuery.Length == 0)
        {
            return new SearchResults(parsed, 0, page, perPage, []);
        }

        // Ranked for the newest matches, at most maxCandidates of them (see SearchRanking).
        var candidates = db.Database.SqlQuery<SearchRanking.Candidate>($$"""
            SELECT "StoryId" AS "Id", ts_rank('{0.1, 0.2, 0.4, 1.0}', "Document", to_tsquery('almanac', {{tsQuery}}))::float8 AS "Score"
            FROM "StorySearch" WHERE "Document" @@ to_tsquery('almanac', {{tsQuery}})
            """);
        var (rows, total, capped) = await SearchRanking.RankAsync(db, candidates, maxCandidates, query, nowUtc, page, perPage, ct);
        if (rows.Count == 0)
        {
            return new SearchResults(parsed, total, page, perPage, [], capped);
        }

        // Highlights only for the page shown.
        var ids = rows.Select(r => r.Card.Id).ToArray();
        var marks = (await db.Database.SqlQuery<MarkRow>($"""
            SELECT "StoryId" AS "Id",
                ts_headline('almanac', "Title", q, {Marks}) AS "Title",
                ts_headline('almanac', "Summary", q, {Snippet}) AS "Summary",
                ts_headline('almanac', "Highlights", q, {Snippet}) AS "Highlights",
                ts_headline('almanac', "Body", q, {Snippet}) AS "Body",
                ts_headline('almanac', "Tags", q, {Snippet}) AS "Tags"
            FROM "StorySearch", to_tsquery('almanac', {tsQuery}) AS q
            WHERE "StoryId" = ANY({ids})
            """).ToListAsync(ct)).ToDictionary(m => m.Id);

        return new SearchResults(parsed, total, page, perPage, [.. rows.Select(r =>
        {
            var m = marks.GetValueOrDefault(r.Card.Id);
            return SearchFilters.Hit(r.Card, m?.Title, [m?.Summary, m?.Highlights, m?.Body, m?.Tags], r.Score);
        })], capped);
    }

    public async Task ReindexAsync(IReadOnlyCollection<int> storyIds, CancellationToken ct = default)
    {
        foreach (var chunk in storyIds.Distinct().Chunk(Chunk))
        {
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "StorySearch" WHERE "StoryId" = ANY({chunk})""", ct);
            await InsertAsync(await SearchDocument.LoadAsync(db, chunk, ct), ct);
        }
    }

    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        var all = await db.Stories.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""TRUNCATE "StorySearch" """, ct);
        foreach (var chunk in all.Chunk(Chunk))
        {
            await InsertAsync(await SearchDocument.LoadAsync(db, chunk, ct), ct);
        }

        return all.Count;
    }

    private async Task InsertAsync(List<SearchDocument> documents, CancellationToken ct)
    {
        foreach (var d in documents)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "StorySearch" ("StoryId", "Title", "Date", "Summary", "Highlights", "Body", "Tags")
                VALUES ({d.Id}, {Text(d.Title)}, {Text(d.Date)}, {Text(d.Summary)}, {Text(d.Highlights)}, {Text(d.Body)}, {Text(d.Tags)})
                ON CONFLICT ("StoryId") DO UPDATE SET "Title" = EXCLUDED."Title", "Date" = EXCLUDED."Date", "Summary" = EXCLUDED."Summary",
                    "Highlights" = EXCLUDED."Highlights", "Body" = EXCLUDED."Body", "Tags" = EXCLUDED."Tags"
                """, ct);
        }
    }

    // PostgreSQL text cannot hold U+0000.
    private static string Text(string value) => value.Replace('\0', ' ');

    private sealed class MarkRow
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";

        public string Summary { get; set; } = "";

        public string Highlights { get; set; } = "";

        public string Body { get; set; } = "";

        public string Tags { get; set; } = "";
    }
}
