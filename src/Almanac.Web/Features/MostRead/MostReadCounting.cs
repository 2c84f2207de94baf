namespace Almanac.Web.Features.MostRead;

/// <summary>
/// Registration of read counting, and the middleware that counts. It runs before the output cache,
/// so a story page served from the cache is counted like a rendered one.
/// </summary>
public static class MostReadCounting
{
    private const string StoryPage = "/Stories/Story";

    public static IServiceCollection AddMostRead(this IServiceCollection services)
    {
        services.AddOptions<MostReadOptions>().BindConfiguration(MostReadOptions.Section).ValidateOnStart();
        services.AddSingleton<ReadCounter>();
        services.AddSingleton<ReadFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadFlusher>());
        return services;
    }

    /// <summary>Place after routing and before the output cache.</summary>
    public static IApplicationBuilder UseMostReadCounting(this IApplicationBuilder app)
    {
        var counter = app.ApplicationServices.GetRequiredService<ReadCounter>();
        return app.Use(async (http, next) =>
        {
            await next(http);
            if (HttpMethods.IsGet(http.Request.Method)
                && http.Response.StatusCode == StatusCodes.Status200OK
                && http.Request.RouteValues["page"] as string == StoryPage
                && http.Request.RouteValues["slug"] is string slug)
            {
                counter.TryCount(http, slug);
            }
        });
    }
}
