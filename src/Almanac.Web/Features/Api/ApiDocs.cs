using Scalar.AspNetCore;

namespace Almanac.Web.Features.Api;

/// <summary>
/// The API's OpenAPI document at <c>/openapi/v1.json</c> (Microsoft.AspNetCore.OpenApi) and its
/// reference at <c>/api/docs</c> (Scalar, served from the package itself: no CDN, no web fonts).
/// Only endpoints under <c>/api</c> are described.
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        // Numbers are numbers: the document says "integer", not "integer or numeric string". And
        // <, >, & and quotes are escaped, so JSON pasted into a page can never close its script.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
        });
        return services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Almanac API";
                document.Info.Version = "1";
                document.Info.Description =
                    "Read what happened on each day in history. Anonymous, read-only, CORS-enabled and rate-limited; " +
                    "errors are problem+json; every response carries an ETag. Years are astronomical: 44 BC is -43.";
                return Task.CompletedTask;
            });
        });
    }

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").CacheOutput(Hosting.PageCaching.Public);
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("Almanac API")
            .WithOpenApiRoutePattern(DocumentPath)
            .DisableDefaultFonts());
        return app;
    }
}
