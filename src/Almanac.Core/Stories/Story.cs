using Almanac.Core.Calendar;
using Almanac.Core.Comments;
using Almanac.Core.Media;
using Almanac.Core.Topics;

namespace Almanac.Core.Stories;

/// <summary>One historical happening told as an article.</summary>
public class Story
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public StoryKind Kind { get; set; }

    // The historical date in columns, so day and year pages are index lookups.
    public int Year { get; set; }

    public int? Month { get; set; }

    public int? Day { get; set; }

    public DatePrecision Precision { get; set; }

    public CalendarSystem Calendar { get; set; }

    public bool Circa { get; set; }

    /// <summary>The day page this story is listed on; derived from the date unless an editor overrides it.</summary>
    public int? PlacementMonth { get; set; }

    public int? PlacementDay { get; set; }

    public bool PlacementOverridden { get; set; }

    /// <summary>An editor's place for the story among its day's stories (1 first); null keeps the site's order after the placed ones.</summary>
    public int? DayPosition { get; set; }

    public string Summary { get; set; } = "";

    public List<string> Highlights { get; set; } = [];

    /// <summary>Markdown as the editor wrote it.</summary>
    public string Body { get; set; } = "";

    /// <summary>Sanitized HTML of <see cref="Body"/>, rendered when the body is saved.</summary>
    public string BodyHtml { get; set; } = "";

    public int? ImageId { get; set; }

    public MediaItem? Image { get; set; }

    public List<Category> Categories { get; set; } = [];

    public List<Topic> Topics { get; set; } = [];

    public List<Source> Sources { get; set; } = [];

    public List<StoryFeature> Features { get; set; } = [];

    public StoryStatus Status { get; set; }

    /// <summary>An editor closed comments on this story (see also <c>Comments:CloseAfterDays</c>).</summary>
    public bool CommentsClosed { get; set; }

    public List<Comment> Comments { get; set; } = [];

    public string? AuthorName { get; set; }

    /// <summary>The newsroom user who created the story; contributors may edit only their own. Null for imported stories.</summary>
    public string? OwnerId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>When a <see cref="StoryStatus.Scheduled"/> story goes live on its own.</summary>
    public DateTime? PublishAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public HistoricalDate Date
    {
        get => HistoricalDate.FromParts(Year, Month, Day, Precision, Calendar, Circa);
        set
        {
            Year = value.Year;
            Month = value.Month;
            Day = value.Day;
            Precision = value.Precision;
            Calendar = value.Calendar;
            Circa = value.Circa;
            if (!PlacementOverridden)
            {
                PlacementMonth = value.Placement?.Month;
                PlacementDay = value.Placement?.Day;
            }
        }
    }

    /// <summary>Sets the Markdown body and its sanitized HTML together, so they never disagree.</summary>
    public void SetBody(string markdown)
    {
        Body = markdown;
        BodyHtml = StoryMarkdown.ToHtml(markdown);
    }

    /// <summary>"1924: Diplomatic Relations Established between Mexico and the USSR".</summary>
    public static string Headline(int year, string title) => $"{HistoricalDate.YearLabel(year)}: {title}";
}
