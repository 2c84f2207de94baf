namespace Almanac.Web.Features.Admin.Settings;

/// <summary>
/// The configuration layer of the settings page: the database's <c>SiteSettings</c> rows, laid over
/// appsettings and the environment. It starts empty; <see cref="SettingsStore"/> fills it from the
/// database at start, after a save, and on every poll, and each change makes
/// <c>IOptionsMonitor&lt;T&gt;</c> bind the options again.
/// </summary>
public sealed class SiteSettingsProvider : ConfigurationProvider
{
    /// <summary>Replaces every value; true (and a reload signal) only when something changed.</summary>
    public bool Apply(IReadOnlyDictionary<string, string> values)
    {
        var current = Data;
        if (current.Count == values.Count && values.All(v => current.TryGetValue(v.Key, out var old) && old == v.Value))
        {
            return false;
        }

        Data = values.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);
        OnReload();
        return true;
    }
}

/// <summary>Hands the configuration the one provider the app also keeps in its services.</summary>
public sealed class SiteSettingsSource(SiteSettingsProvider provider) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
}
