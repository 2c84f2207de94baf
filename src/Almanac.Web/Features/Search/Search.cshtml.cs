using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Search;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Search;

/// <summary>
/// The search page: a GET form (works without scripts) and one page of hits with the matched words
/// marked. Every query is different, so the page is neither output-cached nor stored by browsers or
/// proxies, and search engines are asked not to index it.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SearchModel(AlmanacDbContext db, IStorySearch search, SiteClock clock) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    [FromQuery(Name = "topic")]
    public string? Topic { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public SearchResults? Results { get; private set; }

    /// <summary>A problem with one field, keyed by the field's name, shown next to it.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Notes about the query itself: empty, cut short, too many words.</summary>
    public List<string> Notes { get; } = [];

    public IReadOnlyList<(string Slug, string Name)> Categories { get; private set; } = [];

    public bool HasFilters => new[] { Kind, Category, Topic, From, To }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Categories = [.. (await db.Categories.AsNoTracking().Select(c => new { c.Slug, c.Name }).ToListAsync(ct))
            .Select(c => (c.Slug, c.Name)).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];
        ViewData["Meta"] = new PageMeta
        {
            Title = string.IsNullOrWhiteSpace(Q) ? "Search" : $"Search: {Truncate(Q.Trim(), 60)}",
            Description = "Search the stories by word, kind, category, topic and year.",
            CanonicalPath = "/search",
        };

        var query = await ReadQueryAsync(ct);
        var parsed = SearchText.Parse(Q);
        if (parsed.WasShortened)
        {
            Notes.Add($"Your search was cut to its first {SearchText.MaxLength} characters.");
        }

        if (parsed.DroppedTerms)
        {
            Notes.Add($"Only the first {SearchText.MaxTerms} words were searched for.");
        }

        if (string.IsNullOrWhiteSpace(Q))
        {
            Notes.Add("Type a word or two to search the stories, for example obregon, einstein or \"treaty of rome\".");
            return Page();
        }

        if (parsed.IsEmpty)
        {
            Notes.Add($"“{Truncate(Q.Trim(), 60)}” has no words to search for. Try a name, a place or a year.");
            return Page();
        }

        if (query is null)
        {
            return Page();
        }

        var now = clock.UtcNow;
        Results = await search.SearchAsync(query, now, ct);
        if (Results.Hits.Count == 0 && Results.Total > 0)
        {
            // A page past the end shows the last page, as listings do.
            Results = await search.SearchAsync(query with { Page = Results.PageCount }, now, ct);
        }

        return Page();
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageLink(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["kind"] = Kind,
            ["category"] = Category,
            ["topic"] = Topic,
            ["from"] = From,
            ["to"] = To,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/search", values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    /// <summary>The filters as a query, or null (with <see cref="Errors"/> filled) when one of them is wrong.</summary>
    private async Task<SearchQuery?> ReadQueryAsync(CancellationToken ct)
    {
        StoryKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (StoryKinds.TryParse(Kind.Trim(), out var k))
            {
                kind = k;
            }
            else
            {
                Errors["kind"] = "Choose a kind from the list.";
            }
        }

        string? category = null;
        if (!string.IsNullOrWhiteSpace(Category))
        {
            category = Category.Trim();
            if (!Categories.Any(c => c.Slug == category))
            {
                Errors["category"] = "Choose a category from the list.";
            }
        }

        string? topic = null;
        if (!string.IsNullOrWhiteSpace(Topic))
        {
            // Readers type the name ("Álvaro Obregón") or the slug of a topic page ("alvaro-obregon").
            topic = Slugs.From(Truncate(Topic, Slugs.MaxLength));
            if (topic.Length == 0 || !await db.Topics.AnyAsync(t => t.Slug == topic, ct))
            {
                Errors["topic"] = $"There is no topic “{Truncate(Topic.Trim(), 40)}”. Use a name as it appears on a story, for example Mexico.";
            }
        }

        int? from = Year("from", From);
        int? to = Year("to", To);
        if (from > to && !Errors.ContainsKey("to"))
        {
            Errors["to"] = $"“To” must not come before “from” ({HistoricalDate.YearLabel(from.Value)}).";
        }

        int page = int.TryParse(PageNumber, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int p) && p > 0 ? p : 1;
        return Errors.Count > 0 ? null : new SearchQuery(Q, kind, category, topic, from, to, page);
    }

    private int? Year(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (SearchYear.TryParse(Truncate(text, 40), out int year, out var error))
        {
            return year;
        }

        Errors[field] = error;
        return null;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
