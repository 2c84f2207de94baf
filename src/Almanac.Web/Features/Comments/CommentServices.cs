using System.Globalization;
using Almanac.Core.Calendar;
using Almanac.Core.Comments;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Comments;

public static class CommentServices
{
    public const string RateLimitPolicy = "Comments";

    /// <summary>The story page's cache policy: <see cref="PageCaching.Public"/>, skipped for a reader with a form of their own.</summary>
    public const string StoryPagePolicy = "StoryPage";

    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddOptions<CommentOptions>().BindConfiguration(CommentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CommentModeration>();
        services.AddSingleton<AddressHasher>();
        services.AddSingleton<CommentTokens>();
        services.AddSingleton<CommentMailer>();
        services.AddHostedService<AddressHashPurge>();
        services.AddRateLimiter(o => o.AddPolicy<string, CommentRateLimit>(RateLimitPolicy));
        services.Configure<OutputCacheOptions>(o => o.AddPolicy(StoryPagePolicy, b => b
            // The form of a reader who has one (an anti-forgery cookie, a "your comment" notice) is theirs
            // alone: such a request neither reads nor fills the shared cache.
            .With(ctx => !IsPersonal(ctx.HttpContext))
            .Expire(TimeSpan.FromHours(1))
            .SetVaryByQuery("page")
            .VaryByValue(ctx => new("year", ctx.RequestServices.GetRequiredService<SiteClock>().Today.Year.ToString(CultureInfo.InvariantCulture)))
            .Tag(CacheTags.Pages)));
        return services;
    }

    /// <summary>True when the request carries a cookie that makes the story page this reader's own.</summary>
    public static bool IsPersonal(HttpContext http)
    {
        var cookie = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        return (cookie is not null && http.Request.Cookies.ContainsKey(cookie)) || http.Request.Cookies.ContainsKey(CommentTokens.NoticeCookie);
    }

    /// <summary>Evicts the cached pages that show these stories (their pages, and listings with their counts).</summary>
    public static async Task EvictAsync(this IOutputCacheStore cache, IEnumerable<int> storyIds, CancellationToken ct)
    {
        foreach (var id in storyIds)
        {
            await cache.EvictByTagAsync(CacheTags.Story(id), ct);
        }
    }
}
