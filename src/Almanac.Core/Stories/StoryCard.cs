using Almanac.Core.Calendar;

namespace Almanac.Core.Stories;

/// <summary>A story as a listing shows it: title, date, kind and summary.</summary>
public sealed record StoryCard(
    int Id,
    string Slug,
    string Title,
    StoryKind Kind,
    int Year,
    int? Month,
    int? Day,
    DatePrecision Precision,
    CalendarSystem Calendar,
    bool Circa,
    int? PlacementMonth,
    int? PlacementDay,
    string Summary)
{
    /// <summary>Approved comments, shown on listings.</summary>
    public int CommentCount { get; init; }

    public HistoricalDate Date => HistoricalDate.FromParts(Year, Month, Day, Precision, Calendar, Circa);

    public string Headline => Story.Headline(Year, Title);

    /// <summary>The uploaded image, when the story has one (listings that show a picture use it instead of the generated cover).</summary>
    public StoryCardImage? Image { get; init; }

    /// <summary>True when the story happened on 29 February but is listed on 28 February of a common year.</summary>
    public bool IsLeapDayStory => PlacementMonth == 2 && PlacementDay == 29;
}

public static class StoryCardProjection
{
    public static IQueryable<StoryCard> SelectCards(this IQueryable<Story> stories) =>
        stories.Select(s => new StoryCard(
            s.Id, s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa,
            s.PlacementMonth, s.PlacementDay, s.Summary)
        {
            Image = s.Image == null ? null : new StoryCardImage(s.Image.Id, s.Image.VariantWidths, s.Image.Width, s.Image.Height, s.Image.AltText),
            CommentCount = s.Comments.Count(c => c.Status == Comments.CommentStatus.Approved),
        });
}

/// <summary>An uploaded image as a card shows it: its variants and alt text.</summary>
public sealed record StoryCardImage(int Id, IReadOnlyList<int> Widths, int Width, int Height, string AltText);
