using System.Globalization;
using System.Text.Json;
using Almanac.Core.Search;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Api;

// GET /api/v1/search: the site's full-text search (docs/search.md) as JSON.
public static partial class ApiEndpoints
{
    private static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        // Every query differs, so answers are not kept in the output cache (it would fill with
        // one-off queries); clients and proxies may keep them for a minute.
        api.MapGet("/search", SearchAsync)
            .CacheOutput(p => p.NoCache())
            .WithName("Search").WithSummary("Full-text search of the published stories, best match first")
            .WithDescription("""
                q: words, all of which must match (accents and case are ignored); "quoted phrases" match as phrases;
                the last word also matches as a prefix unless q ends with a space. At most 200 characters and 12 words.
                Filters: kind (event, birth, death, observance), category and topic (slugs), from and to (years such
                as 1924, 44-bc or "44 BC"). titleHtml and snippetHtml are HTML-encoded text with <mark> around matches.
                An empty q gives no items and a message.
                """)
            .Produces<ApiSearchResults>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> SearchAsync([AsParameters] Context c, IStorySearch search,
        [FromQuery] string? q, [FromQuery] string? kind, [FromQuery] string? category, [FromQuery] string? topic,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] int? page, [FromQuery] int? perPage, CancellationToken ct)
    {
        if (Paging(page, perPage) is { } problem)
        {
            return problem;
        }

        StoryKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!StoryKinds.TryParse(kind, out var parsedKind))
            {
                return PublicApi.BadRequest($"\"{kind}\" is not a kind of story. Kinds are {string.Join(", ", StoryKinds.All.Select(x => x.Slug()))}.");
            }

            k = parsedKind;
        }

        if (!string.IsNullOrWhiteSpace(category) && (category.Length > Slugs.MaxLength || !await c.Db.Categories.AnyAsync(x => x.Slug == category, ct)))
        {
            return PublicApi.BadRequest($"There is no category \"{category}\"; see {ApiLinks.Root}/categories.");
        }

        if (!string.IsNullOrWhiteSpace(topic) && (topic.Length > Slugs.MaxLength || !await c.Db.Topics.AnyAsync(x => x.Slug == topic, ct)))
        {
            return PublicApi.BadRequest($"There is no topic \"{topic}\"; see {ApiLinks.Root}/topics.");
        }

        int? fromYear = null, toYear = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!SearchYear.TryParse(from, out int y, out var error))
            {
                return PublicApi.BadRequest($"from: {error}");
            }

            fromYear = y;
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!SearchYear.TryParse(to, out int y, out var error))
            {
                return PublicApi.BadRequest($"to: {error}");
            }

            toYear = y;
        }

        if (fromYear > toYear)
        {
            return PublicApi.BadRequest("from must not come after to.");
        }

        int size = perPage ?? DefaultPerPage;
        var results = await search.SearchAsync(new SearchQuery(q, k, NullIfBlank(category), NullIfBlank(topic), fromYear, toYear, page ?? 1, size), c.Clock.UtcNow, ct);
        if (results.Page > results.PageCount)
        {
            return PublicApi.NotFound($"There are {results.PageCount} page(s) of {size}.");
        }

        var parameters = new Dictionary<string, string?> { ["q"] = q, ["kind"] = kind, ["category"] = category, ["topic"] = topic, ["from"] = from, ["to"] = to };
        string Link(string path, int p) => c.Absolute(QueryHelpers.AddQueryString(path, parameters
            .Append(new("page", p > 1 ? p.ToString(CultureInfo.InvariantCulture) : null))
            .Append(new("perPage", size != DefaultPerPage ? size.ToString(CultureInfo.InvariantCulture) : null))
            .Where(x => !string.IsNullOrWhiteSpace(x.Value))));
        var links = new ApiPageLinks(
            Link($"{ApiLinks.Root}/search", results.Page),
            Link($"{ApiLinks.Root}/search", 1),
            Link($"{ApiLinks.Root}/search", results.PageCount),
            results.Page < results.PageCount ? Link($"{ApiLinks.Root}/search", results.Page + 1) : null,
            results.Page > 1 ? Link($"{ApiLinks.Root}/search", results.Page - 1) : null,
            c.Absolute(QueryHelpers.AddQueryString("/search", parameters.Where(x => !string.IsNullOrWhiteSpace(x.Value)))));
        var body = new ApiSearchResults(
            results.Parsed.Text,
            SearchMessage(results.Parsed),
            results.Total,
            results.Page,
            results.PerPage,
            results.PageCount,
            [.. results.Hits.Select(h => new ApiSearchHit(c.Summary(h.Story), h.TitleHtml, h.SnippetHtml, h.Rank))],
            links,
            results.TotalIsCapped);
        return ConditionalGet.Respond(c.Http, JsonSerializer.SerializeToUtf8Bytes(body, c.JsonOptions.Value.SerializerOptions), Json, null, TimeSpan.FromMinutes(1));
    }

    private static string? SearchMessage(ParsedSearch parsed) =>
        parsed.IsEmpty ? "q has no words to search for; give a word, a name or a year."
        : parsed.WasShortened ? $"q was cut to its first {SearchText.MaxLength} characters."
        : parsed.DroppedTerms ? $"Only the first {SearchText.MaxTerms} words of q were searched for."
        : null;

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
