using System.ComponentModel.DataAnnotations;
using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Almanac.Web.Features.Account;

/// <summary>
/// Where an invitation or a reset link leads: the user chooses a password. The link works once:
/// setting the password renews the security stamp the token is bound to.
/// </summary>
public sealed class SetPasswordModel(UserManager<AlmanacUser> users, AlmanacDbContext db, TimeProvider time) : PageModel
{
    [FromQuery(Name = "user")]
    public string? UserId { get; set; }

    [FromQuery(Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(1024)]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password, again")]
    public string Confirm { get; set; } = "";

    public string? UserName { get; private set; }

    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        SetMeta();
        var user = await FindUserAsync();
        if (user is null || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AlmanacUser>.ResetPasswordTokenPurpose, Token!))
        {
            return Invalid();
        }

        UserName = user.UserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        SetMeta();
        var user = await FindUserAsync();
        if (user is null)
        {
            return Invalid();
        }

        UserName = user.UserName;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token!, Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                return Invalid();
            }

            Problems.AddRange(Newsroom.Messages(result));
            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Newsroom.Audit(db, time, user, AuditLog.PasswordSet, "user:" + user.UserName);
        await db.SaveChangesAsync();
        return LocalRedirect("/account/sign-in?passwordSet=1");
    }

    private async Task<AlmanacUser?> FindUserAsync() =>
        string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) || UserId.Length > 450 || Token.Length > 2000
            ? null
            : await users.FindByIdAsync(UserId);

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        UserName = null;
        return Page();
    }

    private void SetMeta() => ViewData["Meta"] = new PageMeta
    {
        Title = "Choose a password",
        Description = "Choose the password of your newsroom account.",
        CanonicalPath = "/account/set-password",
    };
}
