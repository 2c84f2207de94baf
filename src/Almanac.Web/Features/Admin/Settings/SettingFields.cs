using System.Globalization;
using Almanac.Core.Calendar;
using Almanac.Core.Comments;

namespace Almanac.Web.Features.Admin.Settings;

/// <summary>
/// One setting of the settings page: its configuration key, the form property that edits it, the
/// value built into the options class, and the check a value must pass before it is stored or used.
/// </summary>
public sealed record SettingField(
    string Key,
    string Property,
    string Label,
    Func<SettingsForm, string> Read,
    Action<SettingsForm, string> Write,
    string BuiltIn,
    Func<string, string?> Check);

public static class SettingFields
{
    private static readonly SiteOptions Site = new();
    private static readonly CommentOptions Comments = new();

    // A date with a two-digit day and month and a weekday, so every format letter has something to show.
    private static readonly DateTime Sample = new(2024, 8, 4, 9, 30, 0, DateTimeKind.Unspecified);

    public static readonly IReadOnlyList<SettingField> All =
    [
        new("Site:Name", nameof(SettingsForm.Name), "Site name", f => f.Name ?? "", (f, v) => f.Name = v, Site.Name, Required(v => v.Length > SettingsForm.NameMaxLength ? $"Keep the name to {SettingsForm.NameMaxLength} characters." : null)),
        new("Site:Tagline", nameof(SettingsForm.Tagline), "Tagline", f => f.Tagline ?? "", (f, v) => f.Tagline = v, Site.Tagline, v => v.Length > SettingsForm.TaglineMaxLength ? $"Keep the tagline to {SettingsForm.TaglineMaxLength} characters." : null),
        new("Site:TimeZone", nameof(SettingsForm.TimeZone), "Time zone", f => f.TimeZone ?? "", (f, v) => f.TimeZone = v, Site.TimeZone, Required(CheckTimeZone)),
        new("Site:Culture", nameof(SettingsForm.Culture), "Culture", f => f.Culture ?? "", (f, v) => f.Culture = v, Site.Culture, Required(CheckCulture)),
        new("Site:DayHeaderFormat", nameof(SettingsForm.DayHeaderFormat), "Day header format", f => f.DayHeaderFormat ?? "", (f, v) => f.DayHeaderFormat = v, Site.DayHeaderFormat, Required(CheckFormat)),
        new("Site:TodayFormat", nameof(SettingsForm.TodayFormat), "Today's date format", f => f.TodayFormat ?? "", (f, v) => f.TodayFormat = v, Site.TodayFormat, Required(CheckFormat)),
        new("Site:CommentDateFormat", nameof(SettingsForm.CommentDateFormat), "Comment date format", f => f.CommentDateFormat ?? "", (f, v) => f.CommentDateFormat = v, Site.CommentDateFormat, Required(CheckFormat)),
        new("Comments:Enabled", nameof(SettingsForm.CommentsEnabled), "Reader comments",
            f => f.CommentsEnabled ? "true" : "false", (f, v) => f.CommentsEnabled = bool.TryParse(v, out bool on) && on,
            Comments.Enabled ? "true" : "false", v => bool.TryParse(v, out _) ? null : "Choose on or off."),
    ];

    public static SettingField? Find(string key) =>
        All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>A value as the form and the database hold it: trimmed, and booleans spelled "true"/"false".</summary>
    public static string Normalize(SettingField field, string? value)
    {
        var text = value?.Trim() ?? "";
        return field.Key == "Comments:Enabled" && bool.TryParse(text, out bool on) ? (on ? "true" : "false") : text;
    }

    // The options classes require these values, so an empty one would stop every page.
    private static Func<string, string?> Required(Func<string, string?> check) =>
        v => v.Length == 0 ? "This cannot be empty." : check(v);

    private static string? CheckTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
            ? null
            : $"“{id}” is not a time zone this server knows. Use an IANA name such as Europe/Berlin or America/New_York.";

    private static string? CheckCulture(string name)
    {
        try
        {
            // Only cultures the system ships: a made-up name would otherwise become a bare custom culture.
            _ = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return null;
        }
        catch (CultureNotFoundException)
        {
            return $"“{name}” is not a culture this server knows. Use a name such as en-GB, de-DE or fr-FR.";
        }
    }

    private static string? CheckFormat(string format)
    {
        if (format.Length > SettingsForm.FormatMaxLength)
        {
            return $"Keep the format to {SettingsForm.FormatMaxLength} characters.";
        }

        try
        {
            return Sample.ToString(format, CultureInfo.InvariantCulture).Length == 0
                ? "This format shows nothing; add day or month letters such as dd or MMMM."
                : null;
        }
        catch (FormatException)
        {
            return $"“{format}” is not a date format .NET can use: check that quotes are closed and that % and \\ are followed by a letter.";
        }
    }
}
