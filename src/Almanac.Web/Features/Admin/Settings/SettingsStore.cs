using Almanac.Core.Data;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Settings;

/// <summary>
/// Reads the <c>SiteSettings</c> table into <see cref="SiteSettingsProvider"/>. A row whose key this
/// version does not know, or whose value fails its check (a time zone another machine knew), is
/// skipped with a warning: one bad row must not take the site down.
/// </summary>
public sealed partial class SettingsStore(
    SiteSettingsProvider provider, IServiceScopeFactory scopes, IOutputCacheStore cache, ILogger<SettingsStore> logger) : IDisposable
{
    // One load at a time: a poll that read the table just before a save committed must not apply its
    // older values after the save's own load.
    private readonly SemaphoreSlim loading = new(1, 1);

    /// <summary>
    /// Loads the table; when the values changed, the options see them at once and, with
    /// <paramref name="evictPages"/>, every cached page goes (they show the name, the dates, "today").
    /// </summary>
    public async Task<bool> ReloadAsync(bool evictPages, CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            return await LoadAsync(evictPages, ct);
        }
        finally
        {
            loading.Release();
        }
    }

    private async Task<bool> LoadAsync(bool evictPages, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        var rows = await db.SiteSettings.AsNoTracking().ToListAsync(ct);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (SettingFields.Find(row.Key) is not { } field)
            {
                LogUnknown(logger, row.Key);
            }
            else if (field.Check(row.Value) is { } problem)
            {
                LogInvalid(logger, row.Key, row.Value, problem);
            }
            else
            {
                values[field.Key] = row.Value;
            }
        }

        if (!provider.Apply(values))
        {
            return false;
        }

        if (evictPages)
        {
            await cache.EvictByTagAsync(CacheTags.Pages, ct);
        }

        return true;
    }

    public void Dispose() => loading.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring the stored setting {Key}: this version does not know it")]
    private static partial void LogUnknown(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring the stored setting {Key} = \"{Value}\": {Problem}")]
    private static partial void LogInvalid(ILogger logger, string key, string value, string problem);
}
