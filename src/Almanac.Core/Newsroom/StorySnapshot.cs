using System.Text.Json;
using Almanac.Core.Stories;

namespace Almanac.Core.Newsroom;

/// <summary>
/// A story's editable fields as the editor shows them: the date as text the parser reads back,
/// categories and topics by name, sources as title and address. Revisions store it as JSON, and
/// a restore puts it back through the same path as a save from the form.
/// </summary>
public sealed record StorySnapshot
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Title { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Date { get; init; } = "";

    /// <summary>The editor's placement day ("7 November"), or "" when the date decides it.</summary>
    public string Placement { get; init; } = "";

    public string Summary { get; init; } = "";

    public IReadOnlyList<string> Highlights { get; init; } = [];

    public string Body { get; init; } = "";

    public int? ImageId { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<SnapshotSource> Sources { get; init; } = [];

    public string Slug { get; init; } = "";

    public bool CommentsClosed { get; init; }

    public string AuthorName { get; init; } = "";

    /// <summary>The field names in the order the editor shows them; also the names a revision lists as changed.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["Title", "Kind", "Date", "Placement", "Summary", "Highlights", "Body", "Image", "Categories", "Topics", "Sources", "Slug", "CommentsClosed", "AuthorName"];

    /// <summary>Reads a story whose categories, topics and sources are loaded.</summary>
    public static StorySnapshot Of(Story story) => new()
    {
        Title = story.Title,
        Kind = story.Kind.Slug(),
        Date = StoryDateText.ForEditing(story.Date),
        Placement = story.PlacementOverridden && story.PlacementMonth is { } m && story.PlacementDay is { } d
            ? StoryDateText.DayText(m, d)
            : "",
        Summary = story.Summary,
        Highlights = [.. story.Highlights],
        Body = story.Body,
        ImageId = story.ImageId,
        Categories = [.. story.Categories.Select(c => c.Name).Order(StringComparer.Ordinal)],
        Topics = [.. story.Topics.Select(t => t.Name).Order(StringComparer.Ordinal)],
        Sources = [.. story.Sources.OrderBy(s => s.Position).Select(s => new SnapshotSource(s.Title, s.Url ?? ""))],
        Slug = story.Slug,
        CommentsClosed = story.CommentsClosed,
        AuthorName = story.AuthorName ?? "",
    };

    /// <summary>A field's value as one piece of text, for comparing and showing a diff.</summary>
    public string FieldText(string field) => field switch
    {
        "Title" => Title,
        "Kind" => Kind,
        "Date" => Date,
        "Placement" => Placement,
        "Summary" => Summary,
        "Highlights" => string.Join('\n', Highlights),
        "Body" => Body,
        "Image" => ImageId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        "Categories" => string.Join('\n', Categories),
        "Topics" => string.Join('\n', Topics),
        "Sources" => string.Join('\n', Sources.Select(s => s.Url.Length > 0 ? $"{s.Title} <{s.Url}>" : s.Title)),
        "Slug" => Slug,
        "CommentsClosed" => CommentsClosed ? "closed" : "open",
        "AuthorName" => AuthorName,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field of a story snapshot."),
    };

    /// <summary>The fields whose text differs between two snapshots; every field when there is no earlier one.</summary>
    public static IReadOnlyList<string> Changes(StorySnapshot? before, StorySnapshot after) =>
        [.. FieldNames.Where(f => before is null || !string.Equals(before.FieldText(f), after.FieldText(f), StringComparison.Ordinal))];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StorySnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<StorySnapshot>(json, Json) ?? throw new FormatException("A revision's snapshot is empty.");
}

public sealed record SnapshotSource(string Title, string Url);
