using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Days;

/// <summary>What a day page shows: the story of the day and the day's other stories grouped by kind.</summary>
public sealed record DayView(
    CalendarDay Day,
    int CurrentYear,
    StoryCard? Featured,
    IReadOnlyList<DayGroup> Groups,
    int Page,
    int PageCount)
{
    public const int PageSize = 40;

    public bool IsEmpty => Featured is null && Groups.Count == 0;

    /// <summary>A 29 February story shown on another day's page (28 February of a common year), marked as such.</summary>
    public bool IsFromLeapDay(StoryCard card) => card.IsLeapDayStory && !Day.IsLeapDay;

    public IEnumerable<StoryCard> AllCards => Groups.SelectMany(g => g.Stories).Prepend(Featured).OfType<StoryCard>();

    /// <summary>
    /// Loads a day in one query: the day's published stories (with the leap-day stories on 28 February of
    /// a common year), each marked if it is the day's chosen story. Without a choice, the day's most
    /// recent event leads (see <see cref="StoryOfTheDay"/>).
    /// </summary>
    public static async Task<DayView> LoadAsync(AlmanacDbContext db, CalendarDay day, int currentYear, DateTime nowUtc, int page, CancellationToken ct)
    {
        var days = day.DaysListedIn(currentYear);
        var rows = await db.Stories.AsNoTracking().Published(nowUtc).On(days)
            .Select(s => new
            {
                Card = new StoryCard(s.Id, s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa,
                    s.PlacementMonth, s.PlacementDay, s.Summary)
                {
                    Image = s.Image == null ? null : new StoryCardImage(s.Image.Id, s.Image.VariantWidths, s.Image.Width, s.Image.Height, s.Image.AltText),
                    CommentCount = s.Comments.Count(c => c.Status == Core.Comments.CommentStatus.Approved),
                },
                IsFeatured = s.Features.Any(f => f.Month == day.Month && f.Day == day.Day),
                s.DayPosition,
            })
            .ToListAsync(ct);

        var featured = StoryOfTheDay.Choose(rows, r => r.IsFeatured, r => r.Card.Kind, r => r.Card.Year, r => r.Card.Id)?.Card;

        // Kinds keep their groups; within a kind the editor's order (Admin/Days) comes first, then time order.
        var others = rows.Where(r => r.Card != featured)
            .OrderBy(r => r.Card.Kind).ThenBy(r => r.DayPosition ?? int.MaxValue).ThenBy(r => r.Card.Year).ThenBy(r => r.Card.Id)
            .Select(r => r.Card).ToList();
        int pageCount = Math.Max(1, (others.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var groups = others.Skip((page - 1) * PageSize).Take(PageSize)
            .GroupBy(c => c.Kind)
            .Select(g => new DayGroup(g.Key, [.. g]))
            .ToList();
        return new DayView(day, currentYear, page == 1 ? featured : null, groups, page, pageCount);
    }
}

public sealed record DayGroup(StoryKind Kind, IReadOnlyList<StoryCard> Stories);
