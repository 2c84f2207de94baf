using System.Text.Json;
using System.Text.Json.Serialization;
using Almanac.Core.Calendar;
using Almanac.Core.Comments;
using Almanac.Core.Stories;

namespace Almanac.Core.Importing.JsonLines;

/// <summary>
/// Almanac's own round-trip format (docs/import.md): one JSON object per line, each with a
/// <c>type</c>. A reader skips types it does not know with a note, and ignores keys it does not know,
/// so later versions add entities as new types and fields as new keys without breaking older files.
/// </summary>
public static class JsonLinesFormat
{
    public const int Version = 1;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record HeaderLine(int Version, DateTime ExportedAtUtc, string Type = "almanac");

public sealed record TagLine(string Type, string Slug, string Name, string? Description);

public sealed record MediaLine(string StorageKey, string ContentType, int Width, int Height, string Alt, string Credit,
    string? CreditUrl, string? Licence, DateTime? CreatedAtUtc, string Type = "media");

public sealed record RedirectLine(string From, string To, string? Source, DateTime? CreatedAtUtc, string Type = "redirect");

public sealed record DateLine(int Year, int? Month, int? Day, DatePrecision Precision, CalendarSystem Calendar, bool Circa, string? Text);

public sealed record PlacementLine(int Month, int Day);

public sealed record SourceLine(string Title, string? Url);

public sealed record DayLine(int Month, int Day);

public sealed record StoryLine(
    string Slug,
    string Title,
    StoryKind Kind,
    DateLine Date,
    PlacementLine? Placement,
    string Summary,
    IReadOnlyList<string> Highlights,
    string Body,
    StoryStatus Status,
    string? Author,
    DateTime CreatedAtUtc,
    DateTime? PublishedAtUtc,
    DateTime UpdatedAtUtc,
    IReadOnlyList<TagLine> Categories,
    IReadOnlyList<TagLine> Topics,
    IReadOnlyList<SourceLine> Sources,
    MediaLine? Image,
    IReadOnlyList<DayLine> Features,
    bool? CommentsClosed = null,
    string Type = "story");

/// <summary>
/// A comment, after the stories. <see cref="Id"/> is the comment's number in this file (the exporting
/// site's id), only so a reply can name its <see cref="Parent"/>; <see cref="Story"/> is the story's slug.
/// The sender's address hash is never exported.
/// </summary>
public sealed record CommentLine(
    int Id,
    string Story,
    int? Parent,
    string Author,
    string? Email,
    string Body,
    CommentStatus Status,
    DateTime CreatedAtUtc,
    string? DeleteKey,
    string Type = "comment");
