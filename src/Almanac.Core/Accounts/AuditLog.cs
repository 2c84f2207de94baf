using Almanac.Core.Data;

namespace Almanac.Core.Accounts;

/// <summary>Records sign-ins, role changes, publishing and deletions. Entries are saved with the caller's SaveChanges.</summary>
public static class AuditLog
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string SignOutEverywhere = "sign-out-everywhere";
    public const string UserCreated = "user-created";
    public const string UserDeleted = "user-deleted";
    public const string RoleChanged = "role-changed";
    public const string PasswordSet = "password-set";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string SetupCompleted = "setup-completed";

    public static AuditEntry Record(AlmanacDbContext db, DateTime atUtc, string? userId, string userName, string action, string subject = "", string details = "")
    {
        var entry = new AuditEntry
        {
            AtUtc = atUtc,
            UserId = userId,
            UserName = Clip(userName, 256),
            Action = action,
            Subject = Clip(subject, 256),
            Details = Clip(details, 2000),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
