using System.Net;
using System.Text.Json;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.OpenApi;

namespace Almanac.Web.Tests.Api;

public class OpenApiDocumentTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    // A real value for every path parameter the document names, so each endpoint answers 200.
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["/api/v1/days/{day}"] = "/api/v1/days/08-04",
        ["/api/v1/stories/{slug}"] = $"/api/v1/stories/{Samples.MexicoUssr}",
        ["/api/v1/years/{year}"] = "/api/v1/years/44-bc",
        ["/api/v1/kinds/{kind}"] = "/api/v1/kinds/birth",
        ["/api/v1/categories/{slug}"] = "/api/v1/categories/politics-government",
        ["/api/v1/topics/{slug}"] = "/api/v1/topics/mexico",
        ["/api/v1/stories/most-read"] = "/api/v1/stories/most-read?days=7",
        ["/api/v1/search"] = "/api/v1/search?q=alvaro+obregon&kind=event&from=1900",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Document_IsValidOpenApi()
    {
        await using var stream = await app.CreateReaderClient().GetStreamAsync("/openapi/v1.json", Ct);
        var result = await OpenApiDocument.LoadAsync(stream, cancellationToken: Ct);

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal("Almanac API", result.Document!.Info.Title);
        var problems = result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p.Pointer}: {p.Message}")));
        Assert.All(result.Document.Paths.Keys, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryDocumentedEndpoint_AnswersWithItsDocumentedShape()
    {
        var client = app.CreateReaderClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var called = new List<string>();

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var operation = path.Value.GetProperty("get");
            var url = Examples.GetValueOrDefault(path.Name) ?? (path.Name.Contains('{', StringComparison.Ordinal)
                ? throw new InvalidOperationException($"No example for {path.Name}: add one to {nameof(Examples)}.")
                : path.Name);

            var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

            var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().First().Value.GetProperty("schema");
            AssertMatches(body, ok, schemas, url);
            called.Add(path.Name);
        }

        Assert.Contains("/api/v1/days/{day}", called);
        Assert.Contains("/api/v1/stories/{slug}", called);
        Assert.True(called.Count >= 10, string.Join(", ", called));
    }

    [Fact]
    public async Task ApiReference_IsServedFromTheSiteItself()
    {
        var client = app.CreateReaderClient();
        var response = await client.GetAsync("/api/docs/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/scalar.js", Ct)).StatusCode);
    }

    /// <summary>Checks a response against its schema: required properties present, types as documented, recursively.</summary>
    private static void AssertMatches(JsonElement value, JsonElement schema, JsonElement schemas, string at)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            Assert.True(allowed.Contains(KindOf(value)), $"{at}: {KindOf(value)} where the document says {string.Join("|", allowed)}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    Assert.True(value.TryGetProperty(name, out _), $"{at}: missing required property {name}");
                }
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in value.EnumerateObject())
                {
                    Assert.True(properties.TryGetProperty(property.Name, out var propertySchema), $"{at}: undocumented property {property.Name}");
                    AssertMatches(property.Value, propertySchema, schemas, $"{at}.{property.Name}");
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            foreach (var item in value.EnumerateArray().Take(3))
            {
                AssertMatches(item, items, schemas, $"{at}[]");
            }
        }
    }

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
