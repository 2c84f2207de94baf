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
            CommentCount = s.Comments.Count(c => c.Status == Comments.CommentStatus.Approved),
        });
}
