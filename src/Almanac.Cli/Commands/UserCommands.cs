using System.ComponentModel;
using System.Globalization;
using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands;

/// <summary>Settings of the user commands: the database, and the site's address for password links.</summary>
public class UserSettings : DatabaseSettings
{
    [CommandOption("--base-url <URL>")]
    [Description("The site's address for printed links; defaults to Site__BaseUrl.")]
    public string? BaseUrl { get; init; }

    [CommandOption("--password-stdin")]
    [Description("Read the password from standard input instead of printing a link to choose one.")]
    public bool PasswordFromStdin { get; init; }

    /// <summary>The database with Identity's stores and the shared data-protection keys, so links work on the site.</summary>
    public ServiceProvider BuildAccountServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        AddDatabase(services);
        services.AddAlmanacDataProtection();
        services.AddAlmanacIdentityCore();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        return services.BuildServiceProvider();
    }

    public string Link(string path)
    {
        string? baseUrl = BaseUrl ?? ReadConfiguration()["Site:BaseUrl"];
        return string.IsNullOrWhiteSpace(baseUrl) ? path : baseUrl.TrimEnd('/') + path;
    }

    public static async Task<string> PasswordLinkAsync(UserManager<AlmanacUser> users, AlmanacUser user) =>
        $"/account/set-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(await users.GeneratePasswordResetTokenAsync(user))}";

    public static string? ReadPassword()
    {
        string? line = Console.In.ReadLine();
        return string.IsNullOrEmpty(line) ? null : line;
    }

    public static int Refuse(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{error.Description}[/]");
        }

        return ExitCodes.BadInput;
    }
}

public sealed class UserAddSettings : UserSettings
{
    [CommandArgument(0, "<USERNAME>")]
    [Description("Letters, digits, dots, dashes and underscores.")]
    public string UserName { get; init; } = "";

    [CommandOption("--email <EMAIL>")]
    [Description("The user's e-mail address (required, unique).")]
    public string? Email { get; init; }

    [CommandOption("--role <ROLE>")]
    [Description("admin, editor or contributor (default: contributor).")]
    public string Role { get; init; } = Roles.Contributor;

    [CommandOption("--name <NAME>")]
    [Description("The name shown on stories.")]
    public string? DisplayName { get; init; }

    public override ValidationResult Validate() =>
        !Roles.IsKnown(Role) ? ValidationResult.Error($"Unknown role \"{Role}\"; use {string.Join(", ", Roles.All)}.")
        : string.IsNullOrWhiteSpace(Email) ? ValidationResult.Error("--email is required.")
        : ValidationResult.Success();
}

/// <summary>Creates a newsroom account, e.g. the first admin of a site on a server without a browser.</summary>
public sealed class UserAddCommand : AsyncCommand<UserAddSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserAddSettings settings, CancellationToken cancellationToken)
    {
        await using var services = settings.BuildAccountServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        await AlmanacDatabase.MigrateAsync(db, cancellationToken);
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AlmanacUser>>();

        var user = new AlmanacUser
        {
            UserName = settings.UserName.Trim(),
            Email = settings.Email!.Trim(),
            DisplayName = settings.DisplayName?.Trim() ?? "",
            CreatedAtUtc = DateTime.UtcNow,
        };
        string? password = settings.PasswordFromStdin ? UserSettings.ReadPassword() : null;
        if (settings.PasswordFromStdin && password is null)
        {
            AnsiConsole.MarkupLine("[red]No password on standard input.[/]");
            return ExitCodes.BadInput;
        }

        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return UserSettings.Refuse(created);
        }

        await users.AddToRoleAsync(user, settings.Role);
        AuditLog.Record(db, DateTime.UtcNow, null, "almanac cli", AuditLog.UserCreated, "user:" + user.UserName, "role " + settings.Role);
        await db.SaveChangesAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Created {user.UserName} ({settings.Role}).");
        if (password is null)
        {
            string link = settings.Link(await UserSettings.PasswordLinkAsync(users, user));
            AnsiConsole.MarkupLine("Send them this link to choose a password (works once, for three days):");
            Console.Out.WriteLine(link);
        }

        return ExitCodes.Ok;
    }

    internal static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (string role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}

/// <summary>Lists the newsroom's accounts with their role and state.</summary>
public sealed class UserListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var services = settings.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        await AlmanacDatabase.MigrateAsync(db, cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var table = new Table().AddColumns("User", "E-mail", "Role", "State", "Two-factor", "Last sign-in (UTC)");
        foreach (var u in all)
        {
            string state = u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? "locked" : u.PasswordHash is null ? "invited" : "active";
            table.AddRow(
                Markup.Escape(u.UserName ?? ""),
                Markup.Escape(u.Email ?? ""),
                Markup.Escape(string.Join(",", roles.Where(r => r.UserId == u.Id).Select(r => r.Name))),
                state,
                u.TwoFactorEnabled ? "on" : "off",
                u.LastSignInAtUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{all.Count} user{(all.Count == 1 ? "" : "s")}.");
        return ExitCodes.Ok;
    }
}

public sealed class UserResetSettings : UserSettings
{
    [CommandArgument(0, "<USERNAME>")]
    public string UserName { get; init; } = "";
}

/// <summary>Prints a new password link (or sets the password from stdin) and lifts a lockout.</summary>
public sealed class UserResetPasswordCommand : AsyncCommand<UserResetSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserResetSettings settings, CancellationToken cancellationToken)
    {
        await using var services = settings.BuildAccountServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        await AlmanacDatabase.MigrateAsync(db, cancellationToken);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AlmanacUser>>();
        var user = await users.FindByNameAsync(settings.UserName.Trim());
        if (user is null)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]There is no user \"{settings.UserName}\".[/]");
            return ExitCodes.BadInput;
        }

        if (settings.PasswordFromStdin)
        {
            string? password = UserSettings.ReadPassword();
            if (password is null)
            {
                AnsiConsole.MarkupLine("[red]No password on standard input.[/]");
                return ExitCodes.BadInput;
            }

            var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!result.Succeeded)
            {
                return UserSettings.Refuse(result);
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"The password of {user.UserName} is set; their other sessions are signed out.");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"A link for {user.UserName} to choose a new password (works once, for three days):");
            Console.Out.WriteLine(settings.Link(await UserSettings.PasswordLinkAsync(users, user)));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        AuditLog.Record(db, DateTime.UtcNow, null, "almanac cli", "password-link", "user:" + user.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
