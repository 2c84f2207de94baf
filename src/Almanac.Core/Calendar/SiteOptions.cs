using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Almanac.Core.Calendar;

/// <summary>Site-wide settings, bound from the <c>Site</c> section.</summary>
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

    /// <summary>Absolute base URL for canonical links, e.g. "https://almanac.example". Empty: the request's own scheme and host (development only).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Load the sample stories into an empty database on start.</summary>
    public bool SampleContent { get; set; } = true;

    public CultureInfo CultureInfo => CultureInfo.GetCultureInfo(Culture);
}
