using System.Text.Json;
using System.Text.Json.Nodes;

namespace Almanac.Web.Features.Shared;

/// <summary>What the layout puts in a page's head: title, description, canonical link, social tags, JSON-LD.</summary>
public sealed class PageMeta
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>Site-relative canonical path; the layout makes it absolute.</summary>
    public required string CanonicalPath { get; init; }

    /// <summary>Site-relative path of the share image (1200×630).</summary>
    public string? ImagePath { get; init; }

    public string? ImageAlt { get; init; }

    public string OpenGraphType { get; init; } = "website";

    /// <summary>The JSON-LD object; the layout fills in URLs (and the publisher of an Article).</summary>
    public JsonObject? JsonLd { get; init; }

    /// <summary>The trail from the home page (not included) to this page, written as a JSON-LD BreadcrumbList.</summary>
    public IReadOnlyList<Crumb> Breadcrumbs { get; init; } = [];

    /// <summary>The breadcrumb trail from the home page, with absolute URLs, the last item being this page.</summary>
    public JsonObject BreadcrumbJsonLd(string homeName, Func<string, string> absolute) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new JsonArray([.. Breadcrumbs.Prepend(new Crumb(homeName, "/")).Select((c, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = c.Name,
            ["item"] = absolute(c.Path),
        })]),
    };


    // The default encoder escapes <, >, &, quotes and everything outside ASCII (U+2028 included),
    // so the JSON cannot end its <script> element or break a parser.
    private static readonly JsonSerializerOptions JsonLdOptions = new() { WriteIndented = false };

    public static string ToScriptJson(JsonNode node) => node.ToJsonString(JsonLdOptions);
}

/// <summary>One step of a breadcrumb trail.</summary>
public sealed record Crumb(string Name, string Path);
