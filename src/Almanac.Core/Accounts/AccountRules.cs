using Microsoft.AspNetCore.Identity;

namespace Almanac.Core.Accounts;

/// <summary>Password, lockout and user rules, the same for the web app and the CLI.</summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 12;

    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions options)
    {
        // Length matters more than symbol rules; a long passphrase passes without contortions.
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
        options.SignIn.RequireConfirmedAccount = false;
    }
}
