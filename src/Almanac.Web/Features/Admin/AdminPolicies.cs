using Almanac.Core.Accounts;

namespace Almanac.Web.Features.Admin;

/// <summary>The authorization policies of the newsroom, from widest to narrowest.</summary>
public static class AdminPolicies
{
    /// <summary>Any member of the newsroom; every page under /admin requires at least this.</summary>
    public const string Newsroom = "Newsroom";

    /// <summary>Editors and admins: publish anything, moderate, curate.</summary>
    public const string Editors = "Editors";

    /// <summary>Admins only: users, settings, the audit log.</summary>
    public const string Admins = "Admins";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Newsroom, p => p.RequireAuthenticatedUser().RequireRole(Roles.Contributor, Roles.Editor, Roles.Admin));
        options.AddPolicy(Editors, p => p.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin));
        options.AddPolicy(Admins, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
