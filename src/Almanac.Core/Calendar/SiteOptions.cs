using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Almanac.Core.Calendar;

/// <summary>
/// Site-wide settings, bound from the <c>Site</c> section. Admins may change the name, tagline, time
/// zone, culture and formats at run time (the web app's settings page), so read them through
/// <c>IOptionsMonitor&lt;SiteOptions&gt;.CurrentValue</c>, never once at construction.
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required]
    public string Name { get; set; } = "Almanac";

    public string Tagline { get; set; } = "What happened on this day in history";

    /// <summary>IANA time zone that decides the default "today".</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Culture for dates and numbers shown to readers.</summary>
    [Required]
    public string Culture { get; set; } = "en-GB";

    /// <summary>Format of the calendar-day header on a story page; the seed site shows "04.08.".</summary>
    [Required]
    public string DayHeaderFormat { get; set; } = "dd.MM.";

    /// <summary>Format of the "Showing …, today in the site's time zone" line on the home page.</summary>
    [Required]
    public string TodayFormat { get; set; } = "dddd d MMMM yyyy";

    /// <summary>Format of the date a reader's comment was written.</summary>
    [Required]
    public string CommentDateFormat { get; set; } = "d MMMM yyyy";

    /// <summary>Absolute base URL for canonical links, e.g. "https://almanac.example". Empty: the request's own scheme and host (development only).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Load the sample stories into an empty database on start.</summary>
    public bool SampleContent { get; set; } = true;

    public CultureInfo CultureInfo => CultureInfo.GetCultureInfo(Culture);
}
