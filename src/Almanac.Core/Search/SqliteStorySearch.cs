using System.Text.Json;
using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Search;

/// <summary>
/// Search on SQLite FTS5. The index is the virtual table <c>StorySearch</c> (created by the
/// AddStorySearch migration) with rowid = story id, tokenizer <c>unicode61 remove_diacritics 2</c>
/// (case- and accent-insensitive) and prefix indexes for 2 and 3 characters. It holds every story;
/// the publishing rule is applied when searching, by joining the stories table.
/// </summary>
public sealed class SqliteStorySearch(AlmanacDbContext db, int maxCandidates = SearchRanking.MaxCandidates) : IStorySearch
{
    private const int Chunk = 500;

    private static readonly string Start = SearchText.MarkStart.ToString();

    private static readonly string End = SearchText.MarkEnd.ToString();

    public async Task<SearchResults> SearchAsync(SearchQuery query, DateTime nowUtc, CancellationToken ct = default)
    {
        var parsed = SearchText.Parse(query.Text);
        int perPage = Math.Clamp(query.PerPage, 1, 100);
        int page = Math.Max(1, query.Page);
        if (parsed.IsEmpty)
        {
            return new SearchResults(parsed, 0, page, perPage, []);
        }

        var match = parsed.ToFts5();
        // bm25() weights in column order: title, date, summary, highlights, body, tags. A word in the
        // title counts most, then a topic or category name, the summary, the date, highlights and body.
        // Scored only for the rows SearchRanking keeps: FTS5 hands out rowids newest first without sorting.
        var candidates = db.Database.SqlQuery<SearchRanking.Candidate>($"""
            SELECT rowid AS Id, -bm25(StorySearch, 10.0, 3.0, 4.0, 2.0, 1.0, 6.0) AS Score
            FROM StorySearch WHERE StorySearch MATCH {match}
            """);
        var (rows, total, capped) = await SearchRanking.RankAsync(db, candidates, maxCandidates, query, nowUtc, page, perPage, ct);
        if (rows.Count == 0)
        {
            return new SearchResults(parsed, total, page, perPage, [], capped);
        }

        // Highlights only for the page shown, not for every match. FTS5 would restart the MATCH for each
        // value of a plain "rowid IN (…)" (a seek into the doclist of every term, about 85 ms a row for a
        // word in most of a million stories); a rowid range is one pass over that stretch of the index,
        // and "+ 0" keeps the list a filter, checked before any snippet is made.
        var ids = JsonSerializer.Serialize(rows.Select(r => r.Card.Id));
        int first = rows.Min(r => r.Card.Id), last = rows.Max(r => r.Card.Id);
        var marks = (await db.Database.SqlQuery<MarkRow>($"""
            SELECT rowid AS Id,
                highlight(StorySearch, 0, {Start}, {End}) AS Title,
                snippet(StorySearch, 2, {Start}, {End}, '…', 24) AS Summary,
                snippet(StorySearch, 3, {Start}, {End}, '…', 24) AS Highlights,
                snippet(StorySearch, 4, {Start}, {End}, '…', 24) AS Body,
                snippet(StorySearch, 5, {Start}, {End}, '…', 24) AS Tags
            FROM StorySearch
            WHERE StorySearch MATCH {match} AND rowid BETWEEN {first} AND {last}
                AND (rowid + 0) IN (SELECT value FROM json_each({ids}))
            """).ToListAsync(ct)).ToDictionary(m => m.Id);

        return new SearchResults(parsed, total, page, perPage, [.. rows.Select(r =>
        {
            var m = marks.GetValueOrDefault(r.Card.Id);
            return SearchFilters.Hit(r.Card, m?.Title, [m?.Summary, m?.Highlights, m?.Body, m?.Tags], r.Score);
        })], capped);
    }

    public async Task ReindexAsync(IReadOnlyCollection<int> storyIds, CancellationToken ct = default)
    {
        if (storyIds.Count == 0)
        {
            return;
        }

        await InTransactionAsync(async () =>
        {
            foreach (var chunk in storyIds.Distinct().Chunk(Chunk))
            {
                var ids = JsonSerializer.Serialize(chunk);
                await db.Database.ExecuteSqlAsync($"DELETE FROM StorySearch WHERE rowid IN (SELECT value FROM json_each({ids}))", ct);
                await InsertAsync(await SearchDocument.LoadAsync(db, chunk, ct), ct);
            }
        }, ct);
    }

    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        var all = await db.Stories.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        await InTransactionAsync(async () =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM StorySearch", ct);
            foreach (var chunk in all.Chunk(Chunk))
            {
                await InsertAsync(await SearchDocument.LoadAsync(db, chunk, ct), ct);
            }

            await db.Database.ExecuteSqlRawAsync("INSERT INTO StorySearch(StorySearch) VALUES ('optimize')", ct);
        }, ct);
        return all.Count;
    }

    private async Task InsertAsync(List<SearchDocument> documents, CancellationToken ct)
    {
        foreach (var d in documents)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO StorySearch (rowid, title, date, summary, highlights, body, tags)
                VALUES ({d.Id}, {d.Title}, {d.Date}, {d.Summary}, {d.Highlights}, {d.Body}, {d.Tags})
                """, ct);
        }
    }

    // One transaction for many statements (SQLite commits are the slow part); joins the caller's if any.
    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
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
