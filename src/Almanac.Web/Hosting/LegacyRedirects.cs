using System.Globalization;
using Almanac.Core.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Hosting;

/// <summary>
/// Answers old addresses with 301 to their new page, from the <c>Redirects</c> table (WordPress links
/// brought in by <c>almanac import wxr</c>, and changed slugs). The table is read only when the site
/// has no page for the address (a 404 about to be sent), so pages that exist never pay for it; the
/// one exception is WordPress's "/?p=ID", whose path is the home page. Paths match exactly, with or
/// without a trailing slash.
/// </summary>
public static class LegacyRedirects
{
    public static IApplicationBuilder UseLegacyRedirects(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(http);
            return;
        }

        if (request.Path == "/" && request.Query.TryGetValue("p", out var p) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int postId)
            && await FindAsync(http, [$"/?p={postId}"]) is { } post)
        {
            Send(http, post);
            return;
        }

        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && !http.Response.HasStarted
            && http.Features.Get<IStatusCodeReExecuteFeature>() is null && request.Path.Value is { Length: > 1 } path)
        {
            var other = path.EndsWith('/') ? path.TrimEnd('/') : path + "/";
            if (await FindAsync(http, [path, other]) is { } to)
            {
                Send(http, to);
            }
        }
    });

    private static async Task<string?> FindAsync(HttpContext http, string[] paths)
    {
        var db = http.RequestServices.GetRequiredService<AlmanacDbContext>();
        var found = await db.Redirects.AsNoTracking().Where(r => paths.Contains(r.FromPath))
            .Select(r => new { r.FromPath, r.ToPath }).ToListAsync(http.RequestAborted);
        // The exact path first, then its twin with the other trailing slash.
        return found.OrderBy(r => r.FromPath == paths[0] ? 0 : 1).Select(r => r.ToPath).FirstOrDefault();
    }

    private static void Send(HttpContext http, string to)
    {
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        http.Response.Headers.Location = to;
        http.Response.Headers.CacheControl = "public, max-age=86400";
    }
}
