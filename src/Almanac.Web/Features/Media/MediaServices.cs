using Almanac.Core.Data;
using Almanac.Core.Media;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Media;

public static class MediaServices
{
    /// <summary>
    /// The media settings (<c>Media</c> section), the store they name (<c>Media:Store</c>: the database
    /// by default, or a folder) and the library that uploads into it.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Store), "Media:Store must be Database or FileSystem.")
            .Validate(o => o.Store != MediaStoreKind.FileSystem || o.Path.Length > 0, "Media:Path must name a folder when Media:Store is FileSystem.")
            .ValidateOnStart();
        var store = configuration.GetSection(MediaOptions.Section).Get<MediaOptions>()?.Store ?? MediaStoreKind.Database;
        if (store == MediaStoreKind.FileSystem)
        {
            services.AddSingleton<IMediaStore>(sp => new FileSystemMediaStore(sp.GetRequiredService<IOptions<MediaOptions>>().Value.Path));
        }
        else
        {
            services.AddScoped<IMediaStore>(sp => new DatabaseMediaStore(sp.GetRequiredService<AlmanacDbContext>(), sp.GetRequiredService<TimeProvider>()));
        }

        services.AddScoped<MediaLibrary>();
        return services;
    }
}
