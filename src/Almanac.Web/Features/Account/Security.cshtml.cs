using System.ComponentModel.DataAnnotations;
using System.Text;
using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Web.Features.Admin;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Almanac.Web.Features.Account;

/// <summary>
/// The signed-in user's own security: password, two-factor sign-in with an authenticator app
/// (TOTP), and signing out every other session.
/// </summary>
[Authorize(Policy = AdminPolicies.Newsroom)]
public sealed class SecurityModel(
    UserManager<AlmanacUser> users, SignInManager<AlmanacUser> signIn, AlmanacDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    [StringLength(16)]
    [Display(Name = "Code from the app")]
    public string? Code { get; set; }

    [BindProperty]
    [StringLength(1024)]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    [StringLength(1024)]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string? NewPassword { get; set; }

    public AlmanacUser Me { get; private set; } = null!;

    /// <summary>The authenticator key, grouped for typing, while two-factor sign-in is being set up.</summary>
    public string? SharedKey { get; private set; }

    /// <summary>The otpauth URI as an SVG QR code (generated here, no third party).</summary>
    public string? QrSvg { get; private set; }

    /// <summary>Shown once, right after two-factor sign-in is turned on.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Message { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync()
    {
        await LoadAsync();
        string code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(Me, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Errors[nameof(Code)] = "That code is not right. Check the time on your phone and enter the current code.";
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Me, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(Me, 10) ?? []];
        Newsroom.Audit(db, time, Me, AuditLog.TwoFactorEnabled, "user:" + Me.UserName);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(Me);
        await LoadAsync();
        Message = "Two-factor sign-in is on. Keep the recovery codes below somewhere safe; each works once.";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        await LoadAsync();
        await users.SetTwoFactorEnabledAsync(Me, false);
        await users.ResetAuthenticatorKeyAsync(Me);
        Newsroom.Audit(db, time, Me, AuditLog.TwoFactorDisabled, "user:" + Me.UserName);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(Me);
        await LoadAsync();
        Message = "Two-factor sign-in is off.";
        return Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        await LoadAsync();
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            Errors[nameof(CurrentPassword)] = "Enter your current password.";
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            Errors[nameof(NewPassword)] = "Choose a new password.";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(Me, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            Errors[result.Errors.Any(e => e.Code == "PasswordMismatch") ? nameof(CurrentPassword) : nameof(NewPassword)] =
                string.Join(" ", Newsroom.Messages(result));
            return Page();
        }

        Newsroom.Audit(db, time, Me, AuditLog.PasswordSet, "user:" + Me.UserName, "changed by the user");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(Me);
        Message = "Your password is changed. Other sessions have to sign in again.";
        return Page();
    }

    /// <summary>Renews the security stamp: every session, this one included, has to sign in again.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await LoadAsync();
        await users.UpdateSecurityStampAsync(Me);
        Newsroom.Audit(db, time, Me, AuditLog.SignOutEverywhere, "user:" + Me.UserName);
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return LocalRedirect("/account/sign-in?signedOut=1");
    }

    private async Task LoadAsync()
    {
        ViewData["Meta"] = new PageMeta { Title = "Your account", Description = "Password and two-factor sign-in.", CanonicalPath = "/account/security" };
        Me = await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user without an account.");
        if (Me.TwoFactorEnabled)
        {
            SharedKey = null;
            QrSvg = null;
            return;
        }

        string? key = await users.GetAuthenticatorKeyAsync(Me);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(Me);
            key = await users.GetAuthenticatorKeyAsync(Me);
        }

        SharedKey = Group(key!);
        string issuer = Uri.EscapeDataString("Almanac");
        string uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(Me.UserName!)}?secret={key}&issuer={issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(200, 200), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (int i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
