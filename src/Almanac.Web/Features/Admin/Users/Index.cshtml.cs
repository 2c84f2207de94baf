using System.ComponentModel.DataAnnotations;
using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Web.Features.Account;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Users;

/// <summary>
/// Admins invite people, change their roles, lock and unlock them, and send new password links.
/// The last admin can be neither demoted nor deleted, so the site always has someone in charge.
/// </summary>
[Authorize(Policy = AdminPolicies.Admins)]
public sealed class IndexModel(UserManager<AlmanacUser> users, AlmanacDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public InviteForm Invite { get; set; } = new();

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <summary>A password link just made, shown once to the admin to pass on.</summary>
    public string? NewLink { get; private set; }

    public string? LinkFor { get; private set; }

    public string? Message { get; private set; }

    public List<string> Problems { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!Roles.IsKnown(Invite.Role))
        {
            ModelState.AddModelError("Invite.Role", "Choose a role.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var user = new AlmanacUser
        {
            UserName = Invite.UserName.Trim(),
            Email = Invite.Email.Trim(),
            DisplayName = Invite.DisplayName?.Trim() ?? "",
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            Problems.AddRange(Newsroom.Messages(created));
            await LoadAsync();
            return Page();
        }

        await users.AddToRoleAsync(user, Invite.Role);
        Newsroom.Audit(db, time, User, AuditLog.UserCreated, "user:" + user.UserName, "role " + Invite.Role);
        await db.SaveChangesAsync();
        await SetLinkAsync(user);
        Message = $"{user.UserName} is invited as {Roles.Label(Invite.Role).ToLowerInvariant()}. Send them the link below; it works once, for three days.";
        Invite = new();
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !Roles.IsKnown(role))
        {
            return NotFound();
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && await IsLastAdminAsync())
        {
            Problems.Add("The site needs at least one admin; make someone else admin first.");
        }
        else if (!current.SequenceEqual([role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            await users.UpdateSecurityStampAsync(user);
            Newsroom.Audit(db, time, User, AuditLog.RoleChanged, "user:" + user.UserName, $"{string.Join(",", current)} → {role}");
            await db.SaveChangesAsync();
            Message = $"{user.UserName} is now {Roles.Label(role).ToLowerInvariant()}.";
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (locked && user.UserName == User.Identity?.Name)
        {
            Problems.Add("You cannot lock yourself out.");
        }
        else
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            await users.ResetAccessFailedCountAsync(user);
            if (locked)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            Newsroom.Audit(db, time, User, locked ? "user-locked" : "user-unlocked", "user:" + user.UserName);
            await db.SaveChangesAsync();
            Message = locked ? $"{user.UserName} is locked and signed out." : $"{user.UserName} can sign in again.";
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await SetLinkAsync(user);
        Newsroom.Audit(db, time, User, "password-link", "user:" + user.UserName);
        await db.SaveChangesAsync();
        Message = $"A new password link for {user.UserName}; it works once, for three days.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.UserName == User.Identity?.Name)
        {
            Problems.Add("You cannot delete your own account.");
        }
        else if ((await users.GetRolesAsync(user)).Contains(Roles.Admin) && await IsLastAdminAsync())
        {
            Problems.Add("The site needs at least one admin.");
        }
        else
        {
            await users.DeleteAsync(user);
            Newsroom.Audit(db, time, User, AuditLog.UserDeleted, "user:" + user.UserName);
            await db.SaveChangesAsync();
            Message = $"{user.UserName} is deleted.";
        }

        await LoadAsync();
        return Page();
    }

    private async Task<bool> IsLastAdminAsync() => (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1;

    private async Task SetLinkAsync(AlmanacUser user)
    {
        string token = await users.GeneratePasswordResetTokenAsync(user);
        NewLink = $"{Request.Scheme}://{Request.Host}/account/set-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        LinkFor = user.UserName;
    }

    private async Task LoadAsync()
    {
        ViewData["Meta"] = new PageMeta { Title = "Users", Description = "The newsroom's accounts.", CanonicalPath = "/admin/users" };
        var now = time.GetUtcNow();
        var roleOf = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).ToListAsync();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        Rows = [.. all.Select(u => new UserRow(
            u.Id, u.UserName ?? "", u.ShownName, u.Email ?? "",
            roleOf.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").FirstOrDefault() ?? "",
            u.TwoFactorEnabled, u.LockoutEnd is { } end && end > now, u.PasswordHash is null, u.LastSignInAtUtc))];
    }

    public sealed class InviteForm
    {
        [Required(ErrorMessage = "Choose a user name.")]
        [StringLength(64)]
        [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Use letters, digits, dots, dashes and underscores.")]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter their e-mail address.")]
        [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [StringLength(200)]
        [Display(Name = "Name shown on stories")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = Roles.Contributor;
    }

    public sealed record UserRow(
        string Id, string UserName, string ShownName, string Email, string Role, bool TwoFactor, bool Locked, bool Invited, DateTime? LastSignInAtUtc);
}
