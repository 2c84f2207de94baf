using System.ComponentModel.DataAnnotations;

namespace Almanac.Web.Features.Admin.Settings;

/// <summary>The settings page's form; <see cref="SettingFields"/> checks each value and maps it to its key.</summary>
public sealed class SettingsForm
{
    public const int NameMaxLength = 100;

    public const int TaglineMaxLength = 200;

    public const int FormatMaxLength = 40;

    [Display(Name = "Site name")]
    public string? Name { get; set; }

    [Display(Name = "Tagline")]
    public string? Tagline { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; }

    [Display(Name = "Culture")]
    public string? Culture { get; set; }

    [Display(Name = "Day header format")]
    public string? DayHeaderFormat { get; set; }

    [Display(Name = "Today's date format")]
    public string? TodayFormat { get; set; }

    [Display(Name = "Comment date format")]
    public string? CommentDateFormat { get; set; }

    [Display(Name = "Readers may comment on stories")]
    public bool CommentsEnabled { get; set; }
}
