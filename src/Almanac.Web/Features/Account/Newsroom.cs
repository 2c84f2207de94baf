using System.Security.Claims;
using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Features.Account;

/// <summary>Small helpers the account and admin pages share.</summary>
public static class Newsroom
{
    /// <summary>The return URL if it stays on this site, else the newsroom's front page: no open redirect.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";

    /// <summary>Records an audit entry for the signed-in user (or the named one).</summary>
    public static void Audit(AlmanacDbContext db, TimeProvider time, ClaimsPrincipal actor, string action, string subject = "", string details = "") =>
        AuditLog.Record(db, time.GetUtcNow().UtcDateTime, actor.FindFirstValue(ClaimTypes.NameIdentifier), actor.Identity?.Name ?? "", action, subject, details);

    public static void Audit(AlmanacDbContext db, TimeProvider time, AlmanacUser actor, string action, string subject = "", string details = "") =>
        AuditLog.Record(db, time.GetUtcNow().UtcDateTime, actor.Id, actor.UserName ?? "", action, subject, details);

    /// <summary>Identity's error list as one readable sentence per problem.</summary>
    public static IEnumerable<string> Messages(IdentityResult result) => result.Errors.Select(e => e.Description);
}
