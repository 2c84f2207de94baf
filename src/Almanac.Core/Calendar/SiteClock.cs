using Microsoft.Extensions.Options;

namespace Almanac.Core.Calendar;

/// <summary>
/// The site's "today": the calendar day in the configured time zone (<c>Site:TimeZone</c>) at the
/// current instant of the <see cref="TimeProvider"/>. Pages use it for the default day; the browser
/// may correct it to the reader's own zone (see docs/adr/0002-how-today-is-decided.md). The zone is
/// read on every call, so a change on the settings page moves "today" at once.
/// </summary>
public sealed class SiteClock(TimeProvider time, IOptionsMonitor<SiteOptions> options)
{
    // The last zone looked up, with its id; one reference, so a reader never sees the id of one and the zone of another.
    private Resolved? resolved;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public CalendarDay TodayDay => CalendarDay.From(Today);

    public TimeZoneInfo Zone
    {
        get
        {
            var id = options.CurrentValue.TimeZone;
            if (resolved is { } last && last.Id == id)
            {
                return last.Zone;
            }

            var zone = ResolveZone(id);
            resolved = new Resolved(id, zone);
            return zone;
        }
    }

    private sealed record Resolved(string Id, TimeZoneInfo Zone);

    public static TimeZoneInfo ResolveZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz)
            ? tz
            : throw new InvalidOperationException($"Site:TimeZone \"{id}\" is not a time zone known to this machine (use an IANA name such as \"Europe/Berlin\").");
}
