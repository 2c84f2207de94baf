using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Search;

/// <summary>
/// Full-text search over stories and the index behind it. One implementation per database:
/// SQLite FTS5 (<see cref="SqliteStorySearch"/>) and PostgreSQL <c>tsvector</c> (<see cref="PostgresStorySearch"/>).
/// The index is kept current by <see cref="StorySearchIndexing"/> after every save.
/// </summary>
public interface IStorySearch
{
    /// <summary>Published stories matching the query, best first. Never throws for bad input: an empty query gives no hits.</summary>
    Task<SearchResults> SearchAsync(SearchQuery query, DateTime nowUtc, CancellationToken ct = default);

    /// <summary>Brings the index entries of these stories up to date; ids of deleted stories are removed.</summary>
    Task ReindexAsync(IReadOnlyCollection<int> storyIds, CancellationToken ct = default);

    /// <summary>Empties the index and indexes every story again. Returns the number of stories indexed.</summary>
    Task<int> RebuildAsync(CancellationToken ct = default);
}

/// <summary>The search for the database a context runs on.</summary>
public static class StorySearch
{
    public static IStorySearch For(AlmanacDbContext db, int maxCandidates = SearchRanking.MaxCandidates) =>
        db.Database.IsSqlite() ? new SqliteStorySearch(db, maxCandidates)
        : db.Database.IsNpgsql() ? new PostgresStorySearch(db, maxCandidates)
        : throw new NotSupportedException($"No search index for {db.Database.ProviderName}.");
}

/// <summary>What a reader asked for: the words and the filters. Years are astronomical (44 BC is -43).</summary>
public sealed record SearchQuery(
    string? Text,
    StoryKind? Kind = null,
    string? CategorySlug = null,
    string? TopicSlug = null,
    int? FromYear = null,
    int? ToYear = null,
    int Page = 1,
    int PerPage = SearchQuery.DefaultPerPage)
{
    public const int DefaultPerPage = 20;
}

/// <summary>
/// One page of hits and the number of hits in all. When <see cref="TotalIsCapped"/>, the query matched
/// more stories than a search ranks (10,000): <see cref="Total"/> is then a lower bound ("more than").
/// </summary>
public sealed record SearchResults(ParsedSearch Parsed, int Total, int Page, int PerPage, IReadOnlyList<SearchHit> Hits, bool TotalIsCapped = false)
{
    public int PageCount => Math.Max(1, (Total + PerPage - 1) / PerPage);
}

/// <summary>
/// A matching story. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded text
/// whose only markup is <c>&lt;mark&gt;</c> around matched words. <see cref="Rank"/> is higher for
/// better matches.
/// </summary>
public sealed record SearchHit(StoryCard Story, string TitleHtml, string SnippetHtml, double Rank);
