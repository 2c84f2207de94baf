namespace Almanac.Core.Settings;

/// <summary>
/// One setting an admin changed on the settings page, stored under its configuration key
/// ("Site:Name", "Comments:Enabled"). The web app lays these rows over appsettings, so a key without
/// a row keeps its configured default.
/// </summary>
public class SiteSetting
{
    public const int MaxKeyLength = 100;

    public const int MaxValueLength = 400;

    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The user name of the admin who set it.</summary>
    public string UpdatedBy { get; set; } = "";
}
