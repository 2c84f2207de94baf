using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Almanac.Web.Features.Account;

/// <summary>
/// Sign-in for the newsroom: ASP.NET Core Identity on the site's database, a cookie that every node
/// reads (the data-protection keys are shared in the database), and the role policies of /admin.
/// </summary>
public static partial class AccountSetup
{
    public const string CookieName = "almanac.auth";

    public static IServiceCollection AddNewsroomAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AlmanacUser, IdentityRole>(AccountRules.Apply)
            .AddEntityFrameworkStores<AlmanacDbContext>()
            .AddDefaultTokenProviders();

        // Invitation and reset links stay valid for three days, and only once (the password change
        // renews the security stamp the token is bound to).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        // "Sign out everywhere" renews the security stamp; checking it on every request makes every
        // other session end at once. Only signed-in newsroom requests pay for the lookup.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder();
        services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(AdminPolicies.Add);
        services.AddSingleton<SetupLinkNotice>();
        return services;
    }

    /// <summary>Every page under /admin needs a newsroom role; account and admin pages are never stored by caches.</summary>
    public static void AddNewsroomConventions(this RazorPagesOptions options)
    {
        options.Conventions.AuthorizeFolder("/Admin", AdminPolicies.Newsroom);
        var noStore = new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None };
        options.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(noStore));
        options.Conventions.AddFolderApplicationModelConvention("/Account", m => m.Filters.Add(noStore));
        options.Conventions.AddFolderApplicationModelConvention("/Setup", m => m.Filters.Add(noStore));
    }

    /// <summary>
    /// Creates the roles, and on a site without users issues the one-time setup link for the first
    /// admin; it is printed once the site listens.
    /// </summary>
    public static async Task PrepareAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (string role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        string? token = await SiteSetup.IssueAsync(db, time.GetUtcNow().UtcDateTime);
        if (token is not null)
        {
            var notice = app.Services.GetRequiredService<SetupLinkNotice>();
            notice.Path = $"/setup?token={token}";
            app.Lifetime.ApplicationStarted.Register(() =>
                LogSetupLink(app.Logger, SetupLinkNotice.Absolute(app, notice.Path), SiteSetup.Lifetime.TotalHours));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This site has no admin yet. Open {Link} within {Hours} hours to create the first admin account (or run `almanac user add --role admin`).")]
    private static partial void LogSetupLink(ILogger logger, string link, double hours);
}

/// <summary>The setup link issued at this start, if the site had no users (tests read it here).</summary>
public sealed class SetupLinkNotice
{
    public string? Path { get; set; }

    public static string Absolute(WebApplication app, string path)
    {
        string baseUrl = app.Configuration["Site:BaseUrl"] is { Length: > 0 } configured
            ? configured
            : app.Urls.FirstOrDefault() ?? "http://localhost:5000";
        return baseUrl.TrimEnd('/') + path;
    }
}
