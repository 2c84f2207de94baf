using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Almanac.Web.Features.Account;

/// <summary>Signing out is a POST with the anti-forgery token, so no link or image can sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<AlmanacUser> signIn, AlmanacDbContext db, TimeProvider time) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            Newsroom.Audit(db, time, User, AuditLog.SignOut, "user:" + User.Identity.Name);
            await db.SaveChangesAsync();
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/account/sign-in?signedOut=1");
    }
}
