using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Almanac.Web.Tests.Infrastructure;

/// <summary>Reads pages the way a reader's browser and a cache see them.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response, await response.ReadPageAsync());
    }

    /// <summary>The page a response carries, e.g. a form shown again after a refused post.</summary>
    public static async Task<IDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

    public static async Task<IDocument> GetOkPageAsync(this HttpClient client, string path)
    {
        var (response, document) = await client.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return document;
    }

    public static string Canonical(this IDocument document) =>
        document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? "";

    public static string Meta(this IDocument document, string nameOrProperty) =>
        document.QuerySelector($"meta[name='{nameOrProperty}'], meta[property='{nameOrProperty}']")?.GetAttribute("content") ?? "";

    public static JsonElement JsonLd(this IDocument document)
    {
        var script = document.QuerySelector("script[type='application/ld+json']");
        Assert.NotNull(script);
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    /// <summary>Every JSON-LD block of the page, parsed.</summary>
    public static IReadOnlyList<JsonElement> JsonLdBlocks(this IDocument document) =>
        [.. document.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)];

    /// <summary>The names and URLs of the page's BreadcrumbList, in order.</summary>
    public static IReadOnlyList<(string Name, string Url)> Breadcrumbs(this IDocument document)
    {
        var list = document.JsonLdBlocks().Single(b => b.GetProperty("@type").GetString() == "BreadcrumbList");
        Assert.Equal("https://schema.org", list.GetProperty("@context").GetString());
        return [.. list.GetProperty("itemListElement").EnumerateArray().Select((item, i) =>
        {
            Assert.Equal(i + 1, item.GetProperty("position").GetInt32());
            return (item.GetProperty("name").GetString()!, item.GetProperty("item").GetString()!);
        })];
    }

    public static string Text(this IElement? element) => (element?.TextContent ?? "").Trim();

    /// <summary>Every page: title, description, canonical, OpenGraph, Twitter card, JSON-LD (an Article or an ItemList).</summary>
    public static void AssertHasPageMetadata(this IDocument document, string canonical, string jsonLdType = "Article")
    {
        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.False(string.IsNullOrWhiteSpace(document.Meta("description")));
        Assert.Equal(canonical, document.Canonical());
        Assert.Equal(canonical, document.Meta("og:url"));
        Assert.False(string.IsNullOrWhiteSpace(document.Meta("og:title")));
        Assert.False(string.IsNullOrWhiteSpace(document.Meta("twitter:card")));
        var ld = document.JsonLd();
        Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
        Assert.Equal(jsonLdType, ld.GetProperty("@type").GetString());
        Assert.Equal(canonical, ld.GetProperty("url").GetString());
    }

    /// <summary>A public page as a cache sees it: cacheable, and no cookie.</summary>
    public static void AssertPublicAndCookieFree(this HttpResponseMessage response)
    {
        Assert.False(response.Headers.Contains("Set-Cookie"), "public pages set no cookies");
        Assert.NotNull(response.Headers.CacheControl);
        Assert.True(response.Headers.CacheControl.Public);
        Assert.True(response.Headers.CacheControl.MaxAge > TimeSpan.Zero);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("object-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
