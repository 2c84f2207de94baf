using Almanac.Core.Calendar;
using Microsoft.AspNetCore.OutputCaching;

namespace Almanac.Web.Hosting;

/// <summary>
/// Output caching of anonymous pages. Every page tags its entry with what it shows (see
/// <see cref="CacheTags"/>), so a later edit evicts exactly the pages it affects. Pages vary by the
/// site's current year ("N years ago", the 28 February rule); the home page also by the day.
/// </summary>
public static class PageCaching
{
    public const string Public = "Public";

    public const string Today = "Today";

    /// <summary>JSON API responses: like <see cref="Public"/>, varying by every query parameter.</summary>
    public const string Api = "Api";

    public static IServiceCollection AddPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            // "/day/August-4" must reach the page (which redirects), not the cached "/day/august-4".
            o.UseCaseSensitivePaths = true;
            // No request locking: with it, requests that arrive while the first for the same address
            // is rendering are handed that response, even when its reader went away mid-way and it is
            // empty (aspnetcore#52310, #66877). Seen as a story cover that never loaded after the reader
            // left a day page showing it. Each request now renders its own until one is stored.
            o.AddPolicy(Public, b => b
                .Expire(TimeSpan.FromHours(1))
                .SetLocking(false)
                .SetVaryByQuery("page")
                .VaryByValue(ctx => new("year", Clock(ctx).Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Tag(CacheTags.Pages));
            o.AddPolicy(Api, b => b
                .Expire(TimeSpan.FromHours(1))
                .SetLocking(false)
                .SetVaryByQuery("*")
                .VaryByValue(ctx => new("year", Clock(ctx).Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Tag(CacheTags.Pages));
            o.AddPolicy(Today, b => b
                .Expire(TimeSpan.FromHours(1))
                .SetLocking(false)
                .SetVaryByQuery("page")
                .VaryByValue(ctx => new("today", Clock(ctx).Today.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
                .Tag(CacheTags.Pages));
        });
        return services;
    }

    /// <summary><c>Caching:OutputCache=false</c> turns the cache off (benchmarks measure both).</summary>
    public static IApplicationBuilder UsePageCaching(this WebApplication app)
    {
        if (app.Configuration.GetValue("Caching:OutputCache", true))
        {
            app.UseOutputCache();
        }

        return app;
    }

    private static SiteClock Clock(HttpContext context) => context.RequestServices.GetRequiredService<SiteClock>();
}

/// <summary>The names of output-cache tags, and the way a page adds them.</summary>
public static class CacheTags
{
    public const string Pages = "pages";

    /// <summary>Every page that shows a story: its own page, and the listings and pages that show its title or text.</summary>
    public static string Story(int id) => $"story:{id}";

    /// <summary>A story's own page alone (its related stories and neighbours on its day change without it).</summary>
    public static string StoryPage(int id) => $"story-page:{id}";

    /// <summary>
    /// The pages of one calendar day: its day page, and every page that shows the day while it is
    /// "today" (home page, today's feed, API and widget), since those carry the tag of their day.
    /// </summary>
    public static string Day(CalendarDay day) => $"day:{day.Numeric}";

    /// <summary>A month page and the months index (which counts each month's stories).</summary>
    public static string Month(int month) => $"month:{month}";

    /// <summary>The site's newest-stories feeds (<c>/feed.atom</c>, <c>/feed.rss</c>).</summary>
    public const string Newest = "newest";

    /// <summary>The sitemap index and the story sitemaps (every published story, with its edit time).</summary>
    public const string Sitemap = "sitemap";

    /// <summary>The anniversaries calendar without filters (every dated story).</summary>
    public const string Calendar = "anniversaries";

    /// <summary>Lists of every topic or category with its number of stories.</summary>
    public const string TopicIndex = "topics";

    public const string CategoryIndex = "categories";

    public static string Year(int year) => $"year:{year}";

    public static string Topic(string slug) => $"topic:{slug}";

    public static string Category(string slug) => $"category:{slug}";

    public static string Kind(Core.Stories.StoryKind kind) => $"kind:{kind.ToString().ToLowerInvariant()}";

    /// <summary>Adds tags to the entry being cached for this request (no-op when caching is off).</summary>
    public static void Add(HttpContext context, IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            foreach (var tag in tags)
            {
                feature.Context.Tags.Add(tag);
            }
        }
    }
}
