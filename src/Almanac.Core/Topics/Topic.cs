using Almanac.Core.Calendar;
using Almanac.Core.Media;

namespace Almanac.Core.Topics;

/// <summary>A person, place, theme or organisation with a page of its own.</summary>
public class Topic
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public TopicKind Kind { get; set; }

    public string Description { get; set; } = "";

    public int? ImageId { get; set; }

    public MediaItem? Image { get; set; }

    // Life dates of a person in columns, like a story's date; a null year means unknown.
    public int? BornYear { get; set; }

    public int? BornMonth { get; set; }

    public int? BornDay { get; set; }

    public DatePrecision BornPrecision { get; set; }

    public CalendarSystem BornCalendar { get; set; }

    public bool BornCirca { get; set; }

    public int? DiedYear { get; set; }

    public int? DiedMonth { get; set; }

    public int? DiedDay { get; set; }

    public DatePrecision DiedPrecision { get; set; }

    public CalendarSystem DiedCalendar { get; set; }

    public bool DiedCirca { get; set; }

    /// <summary>When a person was born, if known.</summary>
    public HistoricalDate? Born
    {
        get => BornYear is { } y ? HistoricalDate.FromParts(y, BornMonth, BornDay, BornPrecision, BornCalendar, BornCirca) : null;
        set
        {
            BornYear = value?.Year;
            BornMonth = value?.Month;
            BornDay = value?.Day;
            BornPrecision = value?.Precision ?? default;
            BornCalendar = value?.Calendar ?? default;
            BornCirca = value?.Circa ?? false;
        }
    }

    /// <summary>When a person died, if known (and if they have).</summary>
    public HistoricalDate? Died
    {
        get => DiedYear is { } y ? HistoricalDate.FromParts(y, DiedMonth, DiedDay, DiedPrecision, DiedCalendar, DiedCirca) : null;
        set
        {
            DiedYear = value?.Year;
            DiedMonth = value?.Month;
            DiedDay = value?.Day;
            DiedPrecision = value?.Precision ?? default;
            DiedCalendar = value?.Calendar ?? default;
            DiedCirca = value?.Circa ?? false;
        }
    }
}
