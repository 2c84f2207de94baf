using System.ComponentModel.DataAnnotations;
using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Web.Features.Account;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Setup;

/// <summary>
/// The first admin of a fresh site, from the one-time link printed at start-up. The link is spent
/// before the account is created, so two people racing with it cannot both become admin.
/// </summary>
public sealed class SetupModel(
    UserManager<AlmanacUser> users, SignInManager<AlmanacUser> signIn, AlmanacDbContext db, TimeProvider time) : PageModel
{
    [FromQuery(Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a user name.")]
    [StringLength(64)]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Use letters, digits, dots, dashes and underscores.")]
    [Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
    [StringLength(256)]
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = "";

    [BindProperty]
    [StringLength(200)]
    [Display(Name = "Name shown on stories")]
    public string? DisplayName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(1024)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool Valid { get; private set; }

    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        SetMeta();
        Valid = await SiteSetup.FindValidAsync(db, Token, Now()) is not null;
        return Valid ? Page() : Gone();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        SetMeta();
        var token = await SiteSetup.FindValidAsync(db, Token, Now());
        if (token is null)
        {
            return Gone();
        }

        Valid = true;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var admin = new AlmanacUser { UserName = UserName.Trim(), Email = Email.Trim(), DisplayName = DisplayName?.Trim() ?? "", CreatedAtUtc = Now() };
        var check = await ValidateAsync(admin);
        if (check.Count > 0)
        {
            Problems.AddRange(check);
            return Page();
        }

        int spent = await db.SetupTokens.Where(t => t.Id == token.Id && t.UsedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAtUtc, Now()));
        if (spent != 1)
        {
            return Gone();
        }

        var created = await users.CreateAsync(admin, Password);
        if (!created.Succeeded)
        {
            Problems.AddRange(Newsroom.Messages(created));
            await db.SetupTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAtUtc, (DateTime?)null));
            return Page();
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        Newsroom.Audit(db, time, admin, AuditLog.SetupCompleted, "user:" + admin.UserName, "first admin");
        await db.SaveChangesAsync();
        await signIn.SignInAsync(admin, isPersistent: false);
        return LocalRedirect("/admin");
    }

    private async Task<List<string>> ValidateAsync(AlmanacUser user)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange(Newsroom.Messages(await validator.ValidateAsync(users, user, Password)));
        }

        foreach (var validator in users.UserValidators)
        {
            problems.AddRange(Newsroom.Messages(await validator.ValidateAsync(users, user)));
        }

        return problems;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Valid = false;
        return Page();
    }

    private void SetMeta() => ViewData["Meta"] = new PageMeta
    {
        Title = "Set up Almanac",
        Description = "Create the first admin account.",
        CanonicalPath = "/setup",
    };
}
