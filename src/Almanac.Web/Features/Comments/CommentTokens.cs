using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Almanac.Web.Features.Comments;

/// <summary>
/// The signed values of the comment feature, all by data protection (so every node reads them): the
/// form's timestamp (minimum fill time), the author's short-lived notice cookie, and the mailed
/// deletion link.
/// </summary>
public sealed class CommentTokens(IDataProtectionProvider provider, TimeProvider time)
{
    public const string NoticeCookie = "almanac-comment";

    public static readonly TimeSpan NoticeLifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector stamps = provider.CreateProtector("Almanac.Comments.FormStamp");
    // The expiry is in the payload, checked against the site's clock (data protection's time-limited
    // protector would check the machine's clock, which tests cannot move).
    private readonly IDataProtector notices = provider.CreateProtector("Almanac.Comments.Notice");
    private readonly IDataProtector deletions = provider.CreateProtector("Almanac.Comments.Delete");

    public string Stamp() => stamps.Protect(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>How long ago the form was shown, or null when the stamp is missing or forged.</summary>
    public TimeSpan? Age(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return null;
        }

        try
        {
            long ticks = long.Parse(stamps.Unprotect(stamp), CultureInfo.InvariantCulture);
            return time.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public string Notice(int commentId) =>
        notices.Protect(FormattableString.Invariant($"{commentId}:{(time.GetUtcNow() + NoticeLifetime).UtcTicks}"));

    public int? ReadNotice(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = notices.Unprotect(value).Split(':');
            long expires = long.Parse(parts[1], CultureInfo.InvariantCulture);
            return time.GetUtcNow().UtcTicks < expires ? int.Parse(parts[0], CultureInfo.InvariantCulture) : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public string Deletion(int commentId, string deleteKey) =>
        deletions.Protect($"{commentId.ToString(CultureInfo.InvariantCulture)}:{deleteKey}");

    public (int Id, string Key)? ReadDeletion(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = deletions.Unprotect(token).Split(':', 2);
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
