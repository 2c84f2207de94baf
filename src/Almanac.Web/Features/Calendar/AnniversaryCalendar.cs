using System.Text;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcsCalendar = Ical.Net.Calendar;

namespace Almanac.Web.Features.Calendar;

/// <summary>
/// Writes day-precise stories as yearly all-day iCalendar events (RFC 5545) with Ical.Net. Two rules
/// shape every event, both explained in docs/calendar.md: which year its first occurrence (DTSTART)
/// falls in, and how 29 February recurs in common years.
/// </summary>
public static class AnniversaryCalendar
{
    /// <summary>
    /// The earliest year a DTSTART may carry. iCalendar dates have no year before AD 1, and Outlook
    /// rejects any date before 1 January 1601; earlier happenings start in <see cref="BaseYear"/>.
    /// </summary>
    public const int EarliestYear = 1601;

    /// <summary>The first leap year from <see cref="EarliestYear"/> on, so that a 29 February exists in it.</summary>
    public const int BaseYear = 1604;

    public sealed record Entry(int Id, string Title, string Summary, StoryKind Kind, HistoricalDate Date,
        CalendarDay Placement, DateTime UpdatedAtUtc, string Url);

    /// <summary>The calendar's name and description, and the site's host, which makes each UID unique beyond the site.</summary>
    public sealed record Header(string Name, string Description, string Host);

    /// <summary>
    /// The first occurrence: the placement day in the happening's Gregorian year when that year is
    /// <see cref="EarliestYear"/> or later and has the day (an editor may place a story on 29 February
    /// of a common year); otherwise the placement day in <see cref="BaseYear"/>. Before 1601 the
    /// recorded day is often Julian, so its year would not match a Gregorian DTSTART anyway.
    /// </summary>
    public static DateOnly FirstOccurrence(HistoricalDate date, CalendarDay placement)
    {
        int year = date.AnniversaryYear;
        bool usable = year >= EarliestYear && year <= 9999 && (!placement.IsLeapDay || DateTime.IsLeapYear(year));
        return new DateOnly(usable ? year : BaseYear, placement.Month, placement.Day);
    }

    /// <summary>
    /// Every year on the placement day. Apps disagree on a plain yearly rule from 29 February (RFC 5545
    /// drops the missing day, ical.js moves it to 1 March), so the leap day recurs as "the last day of
    /// February": the 29th in leap years, the 28th otherwise, where the site lists its stories.
    /// </summary>
    public static RecurrenceRule Recurrence(CalendarDay placement) =>
        placement.IsLeapDay
            ? new RecurrenceRule(FrequencyType.Yearly) { ByMonth = [2], ByMonthDay = [-1] }
            : new RecurrenceRule(FrequencyType.Yearly);

    public static byte[] Write(Header header, IEnumerable<Entry> entries)
    {
        var calendar = new IcsCalendar { ProductId = "-//Almanac//Anniversaries//EN" };
        calendar.AddProperty("X-WR-CALNAME", Clean(header.Name));
        calendar.AddProperty("X-WR-CALDESC", Clean(header.Description));

        // Ask subscribers to fetch again daily: RFC 7986's property, and the older one Outlook reads.
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "P1D");
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "P1D");

        foreach (var entry in entries)
        {
            calendar.Events.Add(Event(entry, header.Host));
        }

        // Without a METHOD, DTSTAMP means the time the event last changed (RFC 5545, 3.8.7.2), so the
        // output depends on the stories alone and its ETag stays put until one of them changes.
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new UTF8Encoding(false).GetBytes(text);
    }

    private static CalendarEvent Event(Entry entry, string host)
    {
        var start = FirstOccurrence(entry.Date, entry.Placement);
        var updated = new CalDateTime(DateTime.SpecifyKind(entry.UpdatedAtUtc, DateTimeKind.Utc), true);
        var summary = Clean(entry.Summary);
        return new CalendarEvent
        {
            Uid = $"story-{entry.Id}@{host}",
            Summary = Clean(Story.Headline(entry.Date.Year, entry.Title)),
            Description = summary.Length > 0 ? $"{summary}\n\n{entry.Url}" : entry.Url,
            Url = new Uri(entry.Url),
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(start.AddDays(1)),
            RecurrenceRule = Recurrence(entry.Placement),
            DtStamp = updated,
            LastModified = updated,
            Categories = [entry.Kind.Label()],

            // An anniversary never makes its reader busy.
            Transparency = TransparencyType.Transparent,
        };
    }

    /// <summary>
    /// Keeps line breaks (the serializer escapes them, with commas, semicolons and backslashes) and
    /// drops the other control characters, which iCalendar text may not carry (RFC 5545, 3.3.11).
    /// </summary>
    internal static string Clean(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return normalized.Any(c => char.IsControl(c) && c is not '\n' and not '\t')
            ? string.Concat(normalized.Where(c => !char.IsControl(c) || c is '\n' or '\t'))
            : normalized;
    }
}
