namespace Almanac.Core.Accounts;

/// <summary>
/// The one-time link that creates a fresh site's first admin. Only a hash of the token is stored;
/// the link stops working once used, once it expires, or once any user exists.
/// </summary>
public class SetupToken
{
    public int Id { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }
}
