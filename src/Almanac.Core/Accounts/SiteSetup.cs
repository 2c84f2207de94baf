using System.Security.Cryptography;
using System.Text;
using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Accounts;

/// <summary>Issues and redeems the first-admin setup link of a site without users.</summary>
public static class SiteSetup
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// When the site has no users yet, replaces any earlier setup token with a fresh one and returns
    /// it (to be shown once, e.g. printed at start-up); otherwise null.
    /// </summary>
    public static async Task<string?> IssueAsync(AlmanacDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }

        await db.SetupTokens.Where(t => t.UsedAtUtc == null).ExecuteDeleteAsync(ct);
        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.SetupTokens.Add(new SetupToken { TokenHash = Hash(token), CreatedAtUtc = nowUtc, ExpiresAtUtc = nowUtc + Lifetime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The unused, unexpired token matching <paramref name="token"/> on a site without users.</summary>
    public static async Task<SetupToken?> FindValidAsync(AlmanacDbContext db, string? token, DateTime nowUtc, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100 || await db.Users.AnyAsync(ct))
        {
            return null;
        }

        string hash = Hash(token);
        var found = await db.SetupTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return found is { UsedAtUtc: null } && found.ExpiresAtUtc > nowUtc ? found : null;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
