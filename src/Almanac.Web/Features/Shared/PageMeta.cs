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

    /// <summary>The JSON-LD object; the layout fills in URLs and the publisher.</summary>
    public JsonObject? JsonLd { get; init; }

    // The default encoder escapes <, >, &, quotes and everything outside ASCII (U+2028 included),
    // so the JSON cannot end its <script> element or break a parser.
    private static readonly JsonSerializerOptions JsonLdOptions = new() { WriteIndented = false };

    public static string ToScriptJson(JsonNode node) => node.ToJsonString(JsonLdOptions);
}
