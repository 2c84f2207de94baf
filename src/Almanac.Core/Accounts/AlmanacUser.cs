using Microsoft.AspNetCore.Identity;

namespace Almanac.Core.Accounts;

/// <summary>A member of the newsroom: an admin, an editor or a contributor.</summary>
public class AlmanacUser : IdentityUser
{
    /// <summary>The name shown as a story's author; the user name when empty.</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    public string ShownName => DisplayName.Length > 0 ? DisplayName : UserName ?? "";
}
