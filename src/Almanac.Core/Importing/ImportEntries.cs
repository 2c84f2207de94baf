using System.Text.Json.Serialization;
using Almanac.Core.Calendar;
using Almanac.Core.Comments;
using Almanac.Core.Stories;

namespace Almanac.Core.Importing;

/// <summary>
/// What a reader hands the importer, one entry per record of the file. <see cref="Location"/> names
/// the file and line or record ("export.xml:120", "stories.csv:row 7") for the report.
/// </summary>
public abstract record ImportEntry(string Location);

/// <summary>A story, keyed on its id in the source ("post:42").</summary>
public sealed record StoryEntry(string Location, string SourceId, ImportedStory Story) : ImportEntry(Location);

/// <summary>An image on its own (a WordPress attachment, an exported media item).</summary>
public sealed record MediaEntry(string Location, string SourceId, ImportedImage Image) : ImportEntry(Location);

/// <summary>A category or topic on its own, so one without stories survives a round trip.</summary>
public sealed record TagEntry(string Location, ImportedTag Tag, bool IsTopic) : ImportEntry(Location);

/// <summary>An old address and where it now lives; kept once per <see cref="FromPath"/>.</summary>
public sealed record RedirectEntry(string Location, string FromPath, string ToPath, string Source) : ImportEntry(Location);

/// <summary>
/// A record Almanac has no entity for (a WordPress pingback or trackback): kept as JSON in
/// <see cref="ImportedRecord.Data"/> so a later version can bring it in without the file.
/// </summary>
public sealed record KeptEntry(string Location, string SourceId, string Kind, string Json) : ImportEntry(Location);

/// <summary>A reader's comment on a story of the same source, keyed on its id there ("comment:7").</summary>
public sealed record CommentEntry(string Location, string SourceId, ImportedComment Comment) : ImportEntry(Location);

/// <summary>A newsroom author (a WordPress <c>wp:author</c>), keyed on their login ("author:meditor").</summary>
public sealed record AuthorEntry(string Location, string SourceId, ImportedAuthor Author) : ImportEntry(Location);

/// <summary>A record that cannot be imported, and why. Skipped, or the end of the run with <c>--strict</c>.</summary>
public sealed record ProblemEntry(string Location, string Reason) : ImportEntry(Location);

/// <summary>Something the operator should know that does not stop the record (a date read as a year only).</summary>
public sealed record NoteEntry(string Location, string Message) : ImportEntry(Location);

/// <summary>A story as a source describes it; the importer turns it into a <see cref="Story"/>.</summary>
public sealed class ImportedStory
{
    public required string Title { get; init; }

    public StoryKind Kind { get; init; }

    [JsonIgnore]
    public HistoricalDate Date { get; init; }

    // The date in a form the fingerprint can hold (HistoricalDate refers to itself through Gregorian).
    public string DateKey => $"{Date.ToIsoString()} {Date.Calendar} {Date.Circa}";

    /// <summary>The day page an editor chose instead of the date's own, if any.</summary>
    public CalendarDay? Placement { get; init; }

    /// <summary>The slug to keep when it is free (our own export); otherwise one is made from year and title.</summary>
    public string? Slug { get; init; }

    public string Summary { get; init; } = "";

    public IReadOnlyList<string> Highlights { get; init; } = [];

    /// <summary>Markdown (raw HTML allowed: it is sanitized when rendered, as an editor's is).</summary>
    public string Body { get; init; } = "";

    public StoryStatus Status { get; init; } = StoryStatus.Published;

    public string? AuthorName { get; init; }

    public DateTime? CreatedAtUtc { get; init; }

    public DateTime? PublishedAtUtc { get; init; }

    public DateTime? UpdatedAtUtc { get; init; }

    public IReadOnlyList<ImportedTag> Categories { get; init; } = [];

    public IReadOnlyList<ImportedTag> Topics { get; init; } = [];

    public IReadOnlyList<ImportedSource> Sources { get; init; } = [];

    /// <summary>The image itself (our export) …</summary>
    public ImportedImage? Image { get; init; }

    /// <summary>… or the source id of a <see cref="MediaEntry"/> of the same source (a WordPress featured image).</summary>
    public string? ImageSourceId { get; init; }

    /// <summary>Calendar days this story is the story of the day of.</summary>
    public IReadOnlyList<CalendarDay> Features { get; init; } = [];

    /// <summary>Old addresses of this story (they redirect to its page).</summary>
    public IReadOnlyList<string> OldPaths { get; init; } = [];

    /// <summary>An editor (or WordPress's <c>comment_status</c> closed) closed comments on the story.</summary>
    // Left out of the fingerprint when false, so records imported before this field existed keep their hash.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CommentsClosed { get; init; }

    /// <summary>Source data without a column (post meta), kept as JSON on the import record.</summary>
    public string? Data { get; init; }
}

/// <summary>
/// A comment as a source describes it. <see cref="StorySourceId"/> names the story's record in the
/// same source ("post:42"); <see cref="ParentSourceId"/> the top-level comment it answers, if any (the
/// reader flattens deeper threads, as Almanac keeps one level of replies).
/// </summary>
public sealed record ImportedComment
{
    public required string StorySourceId { get; init; }

    public string? ParentSourceId { get; init; }

    public required string AuthorName { get; init; }

    public string? Email { get; init; }

    /// <summary>Exactly as the source has it; the site decides what is safe to show, as for a reader's comment.</summary>
    public required string Body { get; init; }

    public CommentStatus Status { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>The key deletion links name (our own export); a new one is made when absent.</summary>
    public string? DeleteKey { get; init; }
}

/// <summary>An author to become a newsroom account without a password (they choose one through a password link).</summary>
public sealed record ImportedAuthor(string Login, string? Email, string DisplayName);

/// <summary>A category or topic by name; the slug is made from the name unless given.</summary>
public sealed record ImportedTag(string Name, string? Slug = null, string? Description = null)
{
    public string SlugOrDefault => string.IsNullOrWhiteSpace(Slug) ? Slugs.From(Name) : Slug;
}

public sealed record ImportedSource(string Title, string? Url);

/// <summary>
/// An image reference. <see cref="StorageKey"/> names the stored original; <see cref="OriginalUrl"/>
/// and <see cref="FilePath"/> say where the source had it.
/// </summary>
public sealed record ImportedImage
{
    public required string StorageKey { get; init; }

    public string ContentType { get; init; } = "image/jpeg";

    public int Width { get; init; }

    public int Height { get; init; }

    public string AltText { get; init; } = "";

    public string CreditText { get; init; } = "";

    public string? CreditUrl { get; init; }

    public string? Licence { get; init; }

    public DateTime? CreatedAtUtc { get; init; }

    public string? OriginalUrl { get; init; }

    [JsonIgnore]
    public string? FilePath { get; init; }
}
