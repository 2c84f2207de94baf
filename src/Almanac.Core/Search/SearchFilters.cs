using Almanac.Core.Data;
using Almanac.Core.Stories;

namespace Almanac.Core.Search;

/// <summary>What every search implementation shares: the filters of a query and the shape of a hit.</summary>
internal static class SearchFilters
{
    public static IQueryable<Story> Apply(AlmanacDbContext db, IQueryable<Story> stories, SearchQuery q)
    {
        if (q.Kind is { } kind)
        {
            stories = stories.Where(s => s.Kind == kind);
        }

        if (q.CategorySlug is { Length: > 0 } category)
        {
            stories = stories.Where(s => db.StoryCategories.Any(j => j.StoryId == s.Id && db.Categories.Any(c => c.Id == j.CategoryId && c.Slug == category)));
        }

        if (q.TopicSlug is { Length: > 0 } topic)
        {
            stories = stories.Where(s => db.StoryTopics.Any(j => j.StoryId == s.Id && db.Topics.Any(t => t.Id == j.TopicId && t.Slug == topic)));
        }

        if (q.FromYear is { } from)
        {
            stories = stories.Where(s => s.Year >= from);
        }

        if (q.ToYear is { } to)
        {
            stories = stories.Where(s => s.Year <= to);
        }

        return stories;
    }

    /// <summary>
    /// A hit: the highlighted title, and as snippet the first of the highlighted texts that holds a
    /// match (summary, highlights, body, tags), else the summary. <paramref name="score"/> is higher for better matches.
    /// </summary>
    public static SearchHit Hit(StoryCard card, string? markedTitle, string?[] markedTexts, double score)
    {
        var snippet = markedTexts.FirstOrDefault(s => s?.Contains(SearchText.MarkStart, StringComparison.Ordinal) == true) ?? card.Summary;
        return new SearchHit(card, SearchMarkup.ToHtml(markedTitle ?? card.Title), SearchMarkup.ToHtml(snippet), Math.Round(score, 4));
    }
}
