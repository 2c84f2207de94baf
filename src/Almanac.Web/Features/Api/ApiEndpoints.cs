using System.Globalization;
using System.Text.Json;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Almanac.Web.Features.Days;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Api;

/// <summary>
/// The public JSON API, version 1, under <c>/api/v1</c>: days, stories, and the listings of the site
/// (year, kind, category, topic). Read-only, anonymous, CORS-enabled, rate-limited, output-cached and
/// tagged like pages, with ETag/304 and problem+json errors. Shapes are in ApiModels.cs.
/// </summary>
public static partial class ApiEndpoints
{
    public const int DefaultPerPage = 30;

    public const int MaxPerPage = 100;

    private const string Json = "application/json; charset=utf-8";

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiLinks.Root)
            .AsPublicApi()
            .CacheOutput(PageCaching.Api)
            .WithTags("Almanac API v1")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/", Root)
            .WithName("Root").WithSummary("What the API offers")
            .Produces<ApiRoot>(contentType: Json);
        api.MapGet("/days/today", Today)
            .CacheOutput(PageCaching.Today)
            .WithName("Today").WithSummary("Today's stories, in the site's time zone")
            .WithDescription("The same as /api/v1/days/{day} for the site's current calendar day. On 28 February of a common year the stories of 29 February are included.")
            .Produces<ApiDayStories>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/days/{day}", Day)
            .WithName("Day").WithSummary("The stories of a calendar day")
            .WithDescription("The day as \"08-04\" (also \"8-4\" or \"august-4\"). The story of the day comes first, the others follow by kind and year, 40 to a page.")
            .Produces<ApiDayStories>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        MapMostRead(api);
        api.MapGet("/stories/{slug}", StoryBySlug)
            .WithName("Story").WithSummary("One story in full")
            .Produces<ApiStory>(contentType: Json).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/years/{year}", Year)
            .WithName("Year").WithSummary("The stories of a year, in time order")
            .WithDescription("The year as on the site: \"1924\", \"44-bc\".")
            .Produces<ApiListing>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/kinds/{kind}", Kind)
            .WithName("Kind").WithSummary("Stories of one kind: event, birth, death or observance")
            .Produces<ApiListing>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/categories", Categories)
            .WithName("Categories").WithSummary("Every category with its number of stories")
            .Produces<ApiTagIndex>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/categories/{slug}", Category)
            .WithName("Category").WithSummary("The stories of a category, in time order")
            .Produces<ApiListing>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/topics", Topics)
            .WithName("Topics").WithSummary("Every topic (person, place, theme) with its number of stories, A to Z")
            .Produces<ApiTagIndex>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/topics/{slug}", Topic)
            .WithName("Topic").WithSummary("A topic (person, place, theme or organisation) and its stories, in time order")
            .WithDescription("Besides the listing: the topic's kind, and for a person the life dates (astronomical years, so 100 BC is -99).")
            .Produces<ApiTopicListing>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapSearch();

        // Anything else under /api/v1 is a problem+json 404, not the HTML error page.
        api.MapGet("/{**rest}", (string rest) => PublicApi.NotFound($"There is no API resource at /api/v1/{rest}."))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Root([AsParameters] Context c)
    {
        var resources = new Dictionary<string, string>
        {
            ["today"] = c.Absolute($"{ApiLinks.Root}/days/today"),
            ["day"] = c.Absolute($"{ApiLinks.Root}/days/{{MM-DD}}"),
            ["story"] = c.Absolute($"{ApiLinks.Root}/stories/{{slug}}"),
            ["year"] = c.Absolute($"{ApiLinks.Root}/years/{{year}}"),
            ["kind"] = c.Absolute($"{ApiLinks.Root}/kinds/{{kind}}"),
            ["categories"] = c.Absolute($"{ApiLinks.Root}/categories"),
            ["topics"] = c.Absolute($"{ApiLinks.Root}/topics"),
            ["search"] = c.Absolute($"{ApiLinks.Root}/search?q={{words}}"),
            ["mostRead"] = c.Absolute($"{ApiLinks.Root}/stories/most-read?days=7"),
        };
        return c.Write(new ApiRoot(c.Site.Name, "1", c.Absolute($"{ApiLinks.Root}/days/today"), c.Absolute("/api/docs"), c.Absolute("/openapi/v1.json"), resources));
    }

    private static Task<IResult> Today([AsParameters] Context c, [FromQuery] int? page, CancellationToken ct) =>
        DayAsync(c, c.Clock.TodayDay, page, ct);

    private static Task<IResult> Day([AsParameters] Context c, string day, [FromQuery] int? page, CancellationToken ct) =>
        CalendarDay.TryParse(day, out var d, out _)
            ? DayAsync(c, d, page, ct)
            : Task.FromResult(PublicApi.BadRequest($"\"{day}\" is not a calendar day. Write it as MM-DD, e.g. 08-04, or as august-4."));

    private static async Task<IResult> DayAsync([AsParameters] Context c, CalendarDay day, int? page, CancellationToken ct)
    {
        if (page is < 1)
        {
            return PublicApi.BadRequest("page starts at 1.");
        }

        var view = await DayView.LoadAsync(c.Db, day, c.Clock.Today.Year, c.Clock.UtcNow, page ?? 1, ct);
        if (page > view.PageCount)
        {
            return PublicApi.NotFound($"{day.ToDisplayString(c.Culture)} has {view.PageCount} page(s) of stories.");
        }

        CacheTags.Add(c.Http, DayMeta.CacheTagsFor(view));
        var self = ApiLinks.Day(day);
        var links = new ApiPageLinks(
            c.Absolute(PageLink(self, view.Page)),
            c.Absolute(self),
            c.Absolute(PageLink(self, view.PageCount)),
            view.Page < view.PageCount ? c.Absolute(PageLink(self, view.Page + 1)) : null,
            view.Page > 1 ? c.Absolute(PageLink(self, view.Page - 1)) : null,
            c.Absolute(SiteLinks.Day(day)));
        return c.Write(new ApiDayStories(
            ApiDay.From(day, c.Culture, c.Absolute),
            view.Featured is { } f ? c.Summary(f) : null,
            [.. view.Groups.SelectMany(g => g.Stories).Select(c.Summary)],
            view.Page,
            view.PageCount,
            links));
    }

    private static async Task<IResult> StoryBySlug([AsParameters] Context c, string slug, CancellationToken ct)
    {
        var now = c.Clock.UtcNow;
        if (slug.Length > Slugs.MaxLength || await StoryPage.LoadAsync(c.Db, slug, now, ct) is not { } story)
        {
            return PublicApi.NotFound($"There is no published story \"{slug}\".");
        }

        var related = await RelatedStories.ReadAsync(c.Db, story.Id, now, ct);
        CacheTags.Add(c.Http, [CacheTags.Story(story.Id), CacheTags.StoryPage(story.Id), .. related.Select(r => CacheTags.Story(r.Id))]);
        var credit = story.Image is { } image
            ? new ApiCredit(image.CreditText, image.CreditUrl, image.Licence)
            : new ApiCredit(CoverImage.Credit, null, null);
        return c.Write(new ApiStory(
            story.Slug,
            story.Title,
            story.Headline,
            story.Kind.Slug(),
            ApiDate.From(story.Date, c.Culture),
            story.Placement?.Numeric,
            story.Summary,
            story.Highlights,
            story.BodyHtml,
            story.Image is { } uploaded ? ApiImage.Uploaded(uploaded, credit, c.Absolute) : ApiImage.Cover(story.Slug, story.Headline, credit, c.Absolute),
            [.. story.Categories.Select(t => new ApiTag(t.Slug, t.Name, new ApiLinks(c.Absolute(SiteLinks.Category(t.Slug)), c.Absolute(ApiLinks.Category(t.Slug)))))],
            [.. story.Topics.Select(t => new ApiTag(t.Slug, t.Name, new ApiLinks(c.Absolute(SiteLinks.Topic(t.Slug)), c.Absolute(ApiLinks.Topic(t.Slug)))))],
            [.. story.Sources.Select(s => new ApiSource(s.Title, s.Url))],
            [.. related.Select(c.Summary)],
            story.AuthorName,
            story.PublishedAtUtc is { } p ? Utc(p) : null,
            Utc(story.UpdatedAtUtc),
            new ApiLinks(c.Absolute(SiteLinks.Story(story.Slug)), c.Absolute(ApiLinks.Story(story.Slug)))),
            story.UpdatedAtUtc);
    }

    private static Task<IResult> Year([AsParameters] Context c, string year, [FromQuery] int? page, [FromQuery] int? perPage, CancellationToken ct)
    {
        if (!HistoricalDate.TryParseYearSlug(year, out int y) || y is < -9999 or > 9999)
        {
            return Task.FromResult(PublicApi.BadRequest($"\"{year}\" is not a year. Write it as on the site: 1924, 44-bc."));
        }

        var label = HistoricalDate.YearLabel(y);
        return ListingAsync(c, label, $"What happened in {label}.", c.Stories.InYear(y), ApiLinks.Year(y), SiteLinks.Year(y), CacheTags.Year(y), page, perPage, ct);
    }

    private static Task<IResult> Kind([AsParameters] Context c, string kind, [FromQuery] int? page, [FromQuery] int? perPage, CancellationToken ct)
    {
        if (!StoryKinds.TryParse(kind, out var k))
        {
            return Task.FromResult(PublicApi.BadRequest($"\"{kind}\" is not a kind of story. Kinds are {string.Join(", ", StoryKinds.All.Select(x => x.Slug()))}."));
        }

        return ListingAsync(c, k.GroupTitle(), $"{k.GroupTitle()} from history.", c.Stories.Where(s => s.Kind == k), ApiLinks.Kind(k), SiteLinks.Kind(k), CacheTags.Kind(k), page, perPage, ct);
    }

    private static async Task<IResult> Category([AsParameters] Context c, string slug, [FromQuery] int? page, [FromQuery] int? perPage, CancellationToken ct)
    {
        var category = await c.Db.Categories.AsNoTracking().Where(x => x.Slug == slug).Select(x => new { x.Id, x.Name, x.Description }).FirstOrDefaultAsync(ct);
        if (category is null)
        {
            return PublicApi.NotFound($"There is no category \"{slug}\".");
        }

        var stories = c.Stories.Where(s => c.Db.StoryCategories.Any(j => j.StoryId == s.Id && j.CategoryId == category.Id));
        return await ListingAsync(c, category.Name, category.Description, stories, ApiLinks.Category(slug), SiteLinks.Category(slug), CacheTags.Category(slug), page, perPage, ct);
    }

    private static async Task<IResult> Topic([AsParameters] Context c, string slug, [FromQuery] int? page, [FromQuery] int? perPage, CancellationToken ct)
    {
        if (slug.Length > Slugs.MaxLength || await TopicPage.LoadAsync(c.Db, slug, ct) is not { } topic)
        {
            return PublicApi.NotFound($"There is no topic \"{slug}\".");
        }

        var stories = c.Stories.Where(s => c.Db.StoryTopics.Any(j => j.StoryId == s.Id && j.TopicId == topic.Id));
        return await ListingAsync(c, topic.Name, topic.Description, stories, ApiLinks.Topic(slug), SiteLinks.Topic(slug), CacheTags.Topic(slug), page, perPage, ct,
            listing => ApiTopicListing.From(listing, topic, c.Culture, c.Absolute));
    }

    private static async Task<IResult> Categories([AsParameters] Context c, [FromQuery] int? page, [FromQuery] int? perPage, CancellationToken ct)
    {
        var now = c.Clock.UtcNow;
        var rows = c.Db.Categories.AsNoTracking().Select(x => new
        {
            x.Slug,
            x.Name,
            Stories = c.Db.StoryCategories.Count(j => j.CategoryId == x.Id && c.Db.Stories.Any(s => s.Id == j.StoryId && s.Status == StoryStatus.Published && s.PublishedAtUtc <= now)),
        });
        return await TagIndexAsync(c, rows.Select(r => new TagRow(r.Slug, r.Name, r.Stories)), $"{ApiLinks.Root}/categories", SiteLinks.Category, ApiLinks.Category, CacheTags.CategoryIndex, page, perPage, ct);
    }

    private static async Task<IResult> Topics([AsParameters] Context c, [FromQuery] int? page, [FromQuery] int? perPage, CancellationToken ct)
    {
        var now = c.Clock.UtcNow;
        var rows = c.Db.Topics.AsNoTracking().Select(x => new
        {
            x.Slug,
            x.Name,
            Stories = c.Db.StoryTopics.Count(j => j.TopicId == x.Id && c.Db.Stories.Any(s => s.Id == j.StoryId && s.Status == StoryStatus.Published && s.PublishedAtUtc <= now)),
        });
        return await TagIndexAsync(c, rows.Select(r => new TagRow(r.Slug, r.Name, r.Stories)), $"{ApiLinks.Root}/topics", SiteLinks.Topic, ApiLinks.Topic, CacheTags.TopicIndex, page, perPage, ct);
    }

    private sealed record TagRow(string Slug, string Name, int Stories);

    private static async Task<IResult> TagIndexAsync([AsParameters] Context c, IQueryable<TagRow> rows, string self,
        Func<string, string> html, Func<string, string> apiLink, string cacheTag, int? page, int? perPage, CancellationToken ct)
    {
        if (Paging(page, perPage) is { } problem)
        {
            return problem;
        }

        int size = perPage ?? DefaultPerPage;
        int total = await rows.CountAsync(ct);
        int pageCount = Math.Max(1, (total + size - 1) / size);
        int p = page ?? 1;
        if (p > pageCount)
        {
            return PublicApi.NotFound($"There are {pageCount} page(s) of {size}.");
        }

        // Names are sorted in memory by the site's culture (SQLite collates by bytes).
        var all = await rows.ToListAsync(ct);
        var items = all
            .OrderBy(r => r.Name, StringComparer.Create(c.Culture, CompareOptions.IgnoreCase))
            .Skip((p - 1) * size).Take(size)
            .Select(r => new ApiTagCount(r.Slug, r.Name, r.Stories, new ApiLinks(c.Absolute(html(r.Slug)), c.Absolute(apiLink(r.Slug)))))
            .ToList();
        // The counts change when a story joins or leaves a list (StoryPages evicts this tag then).
        CacheTags.Add(c.Http, [cacheTag]);
        return c.Write(new ApiTagIndex(total, p, size, pageCount, items, PageLinks(c, self, p, pageCount, size, null)));
    }

    private static async Task<IResult> ListingAsync([AsParameters] Context c, string name, string description, IQueryable<Story> stories,
        string self, string html, string cacheTag, int? page, int? perPage, CancellationToken ct, Func<ApiListing, object>? shape = null)
    {
        if (Paging(page, perPage) is { } problem)
        {
            return problem;
        }

        int size = perPage ?? DefaultPerPage;
        int total = await stories.CountAsync(ct);
        int pageCount = Math.Max(1, (total + size - 1) / size);
        int p = page ?? 1;
        if (p > pageCount)
        {
            return PublicApi.NotFound($"There are {pageCount} page(s) of {size}.");
        }

        var cards = await stories.AsNoTracking().Chronologically().Skip((p - 1) * size).Take(size).SelectCards().ToListAsync(ct);
        CacheTags.Add(c.Http, [cacheTag, .. cards.Select(x => CacheTags.Story(x.Id))]);
        var listing = new ApiListing(name, description, total, p, size, pageCount, [.. cards.Select(c.Summary)], PageLinks(c, self, p, pageCount, size, html));
        return shape is null ? c.Write(listing) : c.Write(shape(listing));
    }

    private static IResult? Paging(int? page, int? perPage) =>
        page is < 1 ? PublicApi.BadRequest("page starts at 1.")
        : perPage is < 1 or > MaxPerPage ? PublicApi.BadRequest($"perPage is between 1 and {MaxPerPage}.")
        : null;

    private static ApiPageLinks PageLinks([AsParameters] Context c, string self, int page, int pageCount, int size, string? html)
    {
        string Link(int p) => c.Absolute(size == DefaultPerPage ? PageLink(self, p) : $"{PageLink(self, p)}{(p > 1 ? "&" : "?")}perPage={size}");
        return new ApiPageLinks(
            Link(page),
            Link(1),
            Link(pageCount),
            page < pageCount ? Link(page + 1) : null,
            page > 1 ? Link(page - 1) : null,
            html is null ? null : c.Absolute(html));
    }

    private static string PageLink(string path, int page) =>
        page <= 1 ? path : $"{path}?page={page.ToString(CultureInfo.InvariantCulture)}";

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>What every handler needs, bound from the request and services in one parameter.</summary>
    private sealed record Context(
        HttpContext Http,
        AlmanacDbContext Db,
        SiteClock Clock,
        SiteLinks Links,
        IOptionsMonitor<SiteOptions> SiteOptions,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> JsonOptions)
    {
        public SiteOptions Site => SiteOptions.CurrentValue;

        public CultureInfo Culture => Site.CultureInfo;

        public IQueryable<Story> Stories => Db.Stories.Published(Clock.UtcNow);

        public string Absolute(string path) => Links.Absolute(Http.Request, path);

        public ApiStorySummary Summary(StoryCard card) => ApiStorySummary.From(card, Culture, Absolute);

        public IResult Write<T>(T value, DateTime? lastModifiedUtc = null) =>
            ConditionalGet.Respond(Http, JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions.Value.SerializerOptions), Json, lastModifiedUtc, TimeSpan.FromMinutes(5));
    }
}
