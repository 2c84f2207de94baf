namespace Almanac.Core.Accounts;

/// <summary>
/// The three newsroom roles, from least to most trusted: contributors write and submit their own
/// drafts; editors publish anything and moderate; admins also manage users and settings.
/// </summary>
public static class Roles
{
    public const string Contributor = "contributor";

    public const string Editor = "editor";

    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Contributor, Editor, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>"Contributor", for forms and lists.</summary>
    public static string Label(string role) => role switch
    {
        Contributor => "Contributor",
        Editor => "Editor",
        Admin => "Admin",
        _ => role,
    };
}
