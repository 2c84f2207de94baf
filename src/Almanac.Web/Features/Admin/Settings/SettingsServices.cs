namespace Almanac.Web.Features.Admin.Settings;

public static class SettingsServices
{
    /// <summary>
    /// Lays the settings page's values over the app's configuration, as its last (winning) layer,
    /// and keeps them current from the database.
    /// </summary>
    public static WebApplicationBuilder AddSiteSettings(this WebApplicationBuilder builder)
    {
        var provider = new SiteSettingsProvider();
        ((IConfigurationBuilder)builder.Configuration).Add(new SiteSettingsSource(provider));
        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.AddHostedService<SettingsPolling>();
        return builder;
    }

    /// <summary>
    /// The value a key has without the settings page: the nearest layer below it (environment,
    /// appsettings …), else the default built into the options class.
    /// </summary>
    public static string DefaultOf(IConfiguration configuration, SiteSettingsProvider provider, SettingField field)
    {
        if (configuration is IConfigurationRoot root)
        {
            foreach (var layer in root.Providers.Reverse())
            {
                if (!ReferenceEquals(layer, provider) && layer.TryGet(field.Key, out var value) && value is not null)
                {
                    return SettingFields.Normalize(field, value);
                }
            }
        }

        return field.BuiltIn;
    }
}
