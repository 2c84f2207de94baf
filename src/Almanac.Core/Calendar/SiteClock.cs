using Microsoft.Extensions.Options;

namespace Almanac.Core.Calendar;

/// <summary>
/// The site's "today": the calendar day in the configured time zone (<c>Site:TimeZone</c>) at the
/// current instant of the <see cref="TimeProvider"/>. Pages use it for the default day; the browser
/// may correct it to the reader's own zone (see docs/adr/0002-how-today-is-decided.md).
/// </summary>
public sealed class SiteClock(TimeProvider time, IOptions<SiteOptions> options)
{
    private readonly TimeZoneInfo zone = ResolveZone(options.Value.TimeZone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    public CalendarDay TodayDay => CalendarDay.From(Today);

    public TimeZoneInfo Zone => zone;

    public static TimeZoneInfo ResolveZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz)
            ? tz
            : throw new InvalidOperationException($"Site:TimeZone \"{id}\" is not a time zone known to this machine (use an IANA name such as \"Europe/Berlin\").");
}
