using System.ComponentModel.DataAnnotations;
using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Almanac.Web.Features.Account;

/// <summary>The second step for accounts with two-factor sign-in: a code from the authenticator app, or a recovery code.</summary>
public sealed class TwoFactorModel(SignInManager<AlmanacUser> signIn, UserManager<AlmanacUser> users, AlmanacDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code.")]
    [StringLength(64)]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    [FromQuery(Name = "rememberMe")]
    public bool RememberMe { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        SetMeta();
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        SetMeta();
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        string code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded)
        {
            user.LastSignInAtUtc = time.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            Newsroom.Audit(db, time, user, AuditLog.SignIn, "user:" + user.UserName, "with two-factor code");
            await db.SaveChangesAsync();
            return LocalRedirect(Newsroom.SafeReturnUrl(Url, ReturnUrl));
        }

        Newsroom.Audit(db, time, user, result.IsLockedOut ? AuditLog.LockedOut : AuditLog.SignInFailed, "user:" + user.UserName, "wrong two-factor code");
        await db.SaveChangesAsync();
        Message = result.IsLockedOut
            ? $"This account is locked after too many failed attempts. Try again in {AccountRules.LockoutDuration.TotalMinutes:0} minutes."
            : "That code is not right. Codes change every 30 seconds; try the current one.";
        Code = "";
        return Page();
    }

    private void SetMeta() => ViewData["Meta"] = new PageMeta
    {
        Title = "Two-factor sign-in",
        Description = "Enter the code from your authenticator app.",
        CanonicalPath = "/account/two-factor",
    };
}
