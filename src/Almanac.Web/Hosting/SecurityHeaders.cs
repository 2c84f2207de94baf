namespace Almanac.Web.Hosting;

public static class SecurityHeaders
{
    // Scripts and styles only from the site itself; inline JSON-LD is a data block, which CSP does not run.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    // The API reference (Scalar) starts itself with an inline module script and styles its widgets
    // inline. The page shows only our own OpenAPI document, never reader input.
    private const string ApiDocsPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    // The embeds (/embed/…) exist to be framed by any site; the same policy otherwise.
    private static readonly string EmbedContentSecurityPolicy =
        ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);

    // Uploaded images (/media/…) are only ever pictures: opened directly, nothing in them may run or load.
    private const string MediaPolicy = "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Read now: an error page re-executes under another path, and an embed's error is framed too.
            var policy = context.Request.Path.StartsWithSegments("/embed", StringComparison.OrdinalIgnoreCase) ? EmbedContentSecurityPolicy
                : context.Request.Path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase) ? ApiDocsPolicy
                : context.Request.Path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase) ? MediaPolicy
                : ContentSecurityPolicy;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }

                return Task.CompletedTask;
            });
            return next();
        });
}
