using System.Globalization;
using Almanac.Core.Data;
using Almanac.Core.Settings;
using Almanac.Web.Features.Account;
using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Settings;

/// <summary>
/// Admins change the site's name, tagline, time zone, culture, date formats and whether readers may
/// comment. Values are stored in the database and take effect on the next request, on every node;
/// a field set back to its default loses its row and follows appsettings again.
/// </summary>
[Authorize(Policy = AdminPolicies.Admins)]
public sealed class IndexModel(
    AlmanacDbContext db, SettingsStore store, SiteSettingsProvider provider, IConfiguration configuration, TimeProvider time) : PageModel
{
    public const string AuditAction = "settings.change";

    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    /// <summary>Each field's default and whether the page overrides it, by key.</summary>
    public IReadOnlyDictionary<string, FieldState> States { get; private set; } = new Dictionary<string, FieldState>();

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await LoadStatesAsync(ct);
        foreach (var field in SettingFields.All)
        {
            field.Write(Form, rows.TryGetValue(field.Key, out var row) && field.Check(row.Value) is null ? row.Value : States[field.Key].Default);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var rows = await LoadStatesAsync(ct);
        var wanted = new Dictionary<string, string>();
        foreach (var field in SettingFields.All)
        {
            var value = SettingFields.Normalize(field, field.Read(Form));
            if (field.Check(value) is { } problem)
            {
                ModelState.AddModelError($"{nameof(Form)}.{field.Property}", problem);
            }

            wanted[field.Key] = value;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changes = new List<string>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var field in SettingFields.All)
        {
            var value = wanted[field.Key];
            var fallback = States[field.Key].Default;
            rows.TryGetValue(field.Key, out var row);
            var current = row?.Value ?? fallback;
            if (value == current)
            {
                continue;
            }

            if (value == fallback)
            {
                // Back to the default: no row, so a later change to appsettings applies again.
                db.SiteSettings.Remove(row!);
            }
            else if (row is null)
            {
                db.SiteSettings.Add(new SiteSetting { Key = field.Key, Value = value, UpdatedAtUtc = now, UpdatedBy = User.Identity?.Name ?? "" });
            }
            else
            {
                row.Value = value;
                row.UpdatedAtUtc = now;
                row.UpdatedBy = User.Identity?.Name ?? "";
            }

            changes.Add($"{field.Key}: \"{current}\" → \"{value}\"");
        }

        if (changes.Count == 0)
        {
            Message = "Nothing changed.";
            return Page();
        }

        await SaveAsync(changes, ct);
        Message = "Saved. The site shows the new settings from now on.";
        return await ReshowAsync(ct);
    }

    /// <summary>Drops one field's stored value, so it follows appsettings again.</summary>
    public async Task<IActionResult> OnPostResetAsync(string key, CancellationToken ct)
    {
        if (SettingFields.Find(key) is not { } field)
        {
            return NotFound();
        }

        var row = await db.SiteSettings.SingleOrDefaultAsync(s => s.Key == field.Key, ct);
        if (row is null)
        {
            Message = $"{field.Label} already has its default value.";
            return await ReshowAsync(ct);
        }

        var fallback = SettingsServices.DefaultOf(configuration, provider, field);
        db.SiteSettings.Remove(row);
        await SaveAsync([$"{field.Key}: \"{row.Value}\" → \"{fallback}\" (default)"], ct);
        Message = $"{field.Label} is back to its default.";
        return await ReshowAsync(ct);
    }

    /// <summary>How a format shows 4 August 2024 in the culture on the form, or null when it cannot.</summary>
    public string? Example(string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || SettingFields.Find("Site:DayHeaderFormat")!.Check(format.Trim()) is not null)
        {
            return null;
        }

        var culture = SettingFields.Find("Site:Culture")!.Check(Form.Culture?.Trim() ?? "") is null
            ? CultureInfo.GetCultureInfo(Form.Culture!.Trim())
            : CultureInfo.InvariantCulture;
        return new DateTime(2024, 8, 4, 9, 30, 0, DateTimeKind.Unspecified).ToString(format.Trim(), culture);
    }

    private async Task SaveAsync(IReadOnlyList<string> changes, CancellationToken ct)
    {
        Newsroom.Audit(db, time, User, AuditAction, "settings", string.Join("; ", changes));
        await db.SaveChangesAsync(ct);

        // This node applies the change (and evicts the cached pages) now; the others on their next poll.
        await store.ReloadAsync(evictPages: true, ct);
    }

    private async Task<IActionResult> ReshowAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Form = new SettingsForm();
        var message = Message;
        await OnGetAsync(ct);
        Message = message;
        return Page();
    }

    private async Task<Dictionary<string, SiteSetting>> LoadStatesAsync(CancellationToken ct)
    {
        ViewData["Meta"] = new PageMeta { Title = "Settings", Description = "The site's name, time zone, formats and comments.", CanonicalPath = "/admin/settings" };
        var rows = await db.SiteSettings.ToDictionaryAsync(s => s.Key, StringComparer.OrdinalIgnoreCase, ct);
        States = SettingFields.All.ToDictionary(
            f => f.Key,
            f => new FieldState(SettingsServices.DefaultOf(configuration, provider, f), rows.ContainsKey(f.Key)));
        return rows;
    }

    public sealed record FieldState(string Default, bool Overridden);
}
