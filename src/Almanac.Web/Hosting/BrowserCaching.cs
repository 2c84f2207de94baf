using Microsoft.Net.Http.Headers;

namespace Almanac.Web.Hosting;

/// <summary>
/// Public pages tell browsers to keep them for a few minutes (<c>[ResponseCache]</c>), which the
/// server cannot take back after an edit. That is fine for a reader, but an editor who fixes a story
/// must see the fix at once: pages sent to a signed-in user are <c>private, no-cache</c>, and every
/// public page varies by <c>Cookie</c>, so a copy a browser kept from before signing in is not reused.
/// </summary>
public static class BrowserCaching
{
    public static IApplicationBuilder UseBrowserCaching(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true
                    || !CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var cacheControl) || !cacheControl.Public)
                {
                    return Task.CompletedTask;
                }

                if (!response.Headers.Vary.Any(v => v?.Contains(HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase) == true))
                {
                    response.Headers.Append(HeaderNames.Vary, HeaderNames.Cookie);
                }

                if (context.User.Identity?.IsAuthenticated == true)
                {
                    response.Headers.CacheControl = "private, no-cache";
                }

                return Task.CompletedTask;
            });
            return next();
        });
}
