using Almanac.Core.Calendar;
using Almanac.Core.Newsroom;
using Almanac.Core.Stories;

namespace Almanac.Web.Features.Admin.Stories;

/// <summary>The editor's form as posted: every editable field of a story, as text.</summary>
public sealed class StoryForm
{
    public const int MaxHighlights = 10;
    public const int MaxSources = 30;
    public const int MaxTopics = 30;

    public string? Title { get; set; }

    public string? Kind { get; set; } = StoryKind.Event.Slug();

    public string? Date { get; set; }

    public string? Placement { get; set; }

    public string? Summary { get; set; }

    /// <summary>One highlight a line.</summary>
    public string? Highlights { get; set; }

    public string? Body { get; set; }

    public int? ImageId { get; set; }

    public List<string> Categories { get; set; } = [];

    /// <summary>One topic name a line; names not yet known become new topics.</summary>
    public string? Topics { get; set; }

    public List<SourceRow> Sources { get; set; } = [];

    public string? Slug { get; set; }

    public bool CommentsClosed { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>For "Schedule": a local date and time in the site's zone, as an HTML datetime-local value.</summary>
    public string? PublishAt { get; set; }

    /// <summary>
    /// The number of the story's newest revision when the editor opened it (0 when it had none): a save
    /// is refused when someone else saved in between, so nobody overwrites an edit they have not seen.
    /// Null skips the check (a restore, which starts from what it shows).
    /// </summary>
    public int? BaseRevision { get; set; }

    public static StoryForm From(StorySnapshot s) => new()
    {
        Title = s.Title,
        Kind = s.Kind,
        Date = s.Date,
        Placement = s.Placement,
        Summary = s.Summary,
        Highlights = string.Join('\n', s.Highlights),
        Body = s.Body,
        ImageId = s.ImageId,
        Categories = [.. s.Categories],
        Topics = string.Join('\n', s.Topics),
        Sources = [.. s.Sources.Select(x => new SourceRow { Title = x.Title, Url = x.Url })],
        Slug = s.Slug,
        CommentsClosed = s.CommentsClosed,
        AuthorName = s.AuthorName,
    };

    /// <summary>The posted highlights, one a line, blank lines dropped.</summary>
    public IReadOnlyList<string> HighlightLines() => Lines(Highlights);

    public IReadOnlyList<string> TopicNames() => [.. Lines(Topics).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The source rows that have anything in them.</summary>
    public IReadOnlyList<SourceRow> FilledSources() =>
        [.. Sources.Where(s => !string.IsNullOrWhiteSpace(s.Title) || !string.IsNullOrWhiteSpace(s.Url))];

    /// <summary>Reads the date; on failure the parser's sentence says what is wrong.</summary>
    public bool TryDate(out HistoricalDate date, out string error) => HistoricalDateParser.TryParse(Date, out date, out error);

    /// <summary>The editor's placement day, null when the date decides it.</summary>
    public bool TryPlacement(out CalendarDay? day, out string error)
    {
        day = null;
        error = "";
        if (string.IsNullOrWhiteSpace(Placement))
        {
            return true;
        }

        if (!StoryDateText.TryParseDay(Placement, out var parsed, out error))
        {
            return false;
        }

        day = parsed;
        return true;
    }

    private static string[] Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}

public sealed class SourceRow
{
    public string? Title { get; set; }

    public string? Url { get; set; }
}
