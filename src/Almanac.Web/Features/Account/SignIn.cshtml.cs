using System.ComponentModel.DataAnnotations;
using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Almanac.Web.Features.Account;

/// <summary>
/// Newsroom sign-in by user name or e-mail address. Repeated failures lock the account for a while;
/// accounts with two-factor sign-in continue on the code page.
/// </summary>
public sealed class SignInModel(
    SignInManager<AlmanacUser> signIn, UserManager<AlmanacUser> users, AlmanacDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your user name or e-mail address.")]
    [StringLength(256)]
    [Display(Name = "User name or e-mail")]
    public string Login { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(1024)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet() => SetMeta();

    public async Task<IActionResult> OnPostAsync()
    {
        SetMeta();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Login.Trim()) ?? await users.FindByEmailAsync(Login.Trim());
        if (user is null)
        {
            AuditLog.Record(db, time.GetUtcNow().UtcDateTime, null, Login.Trim(), AuditLog.SignInFailed, "user:" + Login.Trim(), "unknown user");
            await db.SaveChangesAsync();
            return Failed("The user name or password is not right.");
        }

        var result = await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastSignInAtUtc = time.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            Newsroom.Audit(db, time, user, AuditLog.SignIn, "user:" + user.UserName);
            await db.SaveChangesAsync();
            return LocalRedirect(Newsroom.SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = Newsroom.SafeReturnUrl(Url, ReturnUrl), rememberMe = RememberMe });
        }

        if (result.IsLockedOut)
        {
            Newsroom.Audit(db, time, user, AuditLog.LockedOut, "user:" + user.UserName);
            await db.SaveChangesAsync();
            return Failed($"This account is locked after {AccountRules.MaxFailedSignIns} failed attempts. Try again in {AccountRules.LockoutDuration.TotalMinutes:0} minutes, or ask an admin.");
        }

        Newsroom.Audit(db, time, user, AuditLog.SignInFailed, "user:" + user.UserName, "wrong password");
        await db.SaveChangesAsync();
        return Failed("The user name or password is not right.");
    }

    private PageResult Failed(string message)
    {
        Message = message;
        Password = "";
        return Page();
    }

    private void SetMeta() => ViewData["Meta"] = new PageMeta
    {
        Title = "Sign in",
        Description = "Sign in to the newsroom.",
        CanonicalPath = "/account/sign-in",
    };
}
