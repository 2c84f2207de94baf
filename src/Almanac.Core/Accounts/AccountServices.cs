using Almanac.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Core.Accounts;

public static class AccountServices
{
    /// <summary>
    /// Identity's user and role stores on the Almanac database, with the shared rules and token
    /// providers (password-setup links), for tools without a web host such as the CLI. The web app
    /// adds sign-in on top with <c>AddIdentity</c>.
    /// </summary>
    public static IdentityBuilder AddAlmanacIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<AlmanacUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AlmanacDbContext>()
            .AddDefaultTokenProviders();

    /// <summary>
    /// Data protection with its keys in the database: every node and the CLI that share the database
    /// read each other's tokens (anti-forgery, sign-in cookies, password links).
    /// </summary>
    public static IDataProtectionBuilder AddAlmanacDataProtection(this IServiceCollection services) =>
        services.AddDataProtection()
            .SetApplicationName("Almanac")
            .PersistKeysToDbContext<AlmanacDbContext>();
}
