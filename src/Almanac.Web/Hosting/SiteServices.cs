using Almanac.Core.Accounts;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Sample;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Hosting;

public static partial class SiteServices
{
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Site:TimeZone must be a time zone known to this machine, e.g. \"Europe/Berlin\".")
            .Validate(o => o.BaseUrl.Length == 0 || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Site:BaseUrl must be an absolute URL such as \"https://almanac.example\".")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteClock>();
        services.AddSingleton<SiteLinks>();
        return services;
    }

    /// <summary>
    /// The database, and the data-protection keys kept in it: every node that shares the database
    /// shares the keys, so what one node protects (anti-forgery tokens, sign-in cookies) another reads.
    /// PostgreSQL gets connect and command timeouts (<see cref="DatabaseFailures"/>), so no request waits long on it.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Almanac");
        if (options.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = DatabaseFailures.WithTimeouts(connectionString,
                configuration.GetValue(DatabaseFailures.TimeoutSetting, DatabaseFailures.DefaultTimeoutSeconds),
                configuration.GetValue(DatabaseFailures.ConnectTimeoutSetting, DatabaseFailures.DefaultConnectTimeoutSeconds));
        }

        services.AddAlmanacDatabase(options.Provider, connectionString);
        services.AddAlmanacDataProtection();
        return services;
    }

    /// <summary>
    /// Migrates in Development and on the very first start (an empty database), then loads the sample
    /// stories into a site that has none. In production an operator runs <c>almanac db migrate</c>.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        var site = scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value;
        var clock = scope.ServiceProvider.GetRequiredService<SiteClock>();
        bool isNew = await AlmanacDatabase.IsNewAsync(db);
        if (isNew || app.Environment.IsDevelopment())
        {
            await AlmanacDatabase.MigrateAsync(db);
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            LogSchemaBehind(app.Logger);
        }

        if (site.SampleContent && !db.Stories.Any())
        {
            int added = await SampleContent.LoadAsync(db, clock.UtcNow);
            LogSamplesLoaded(app.Logger, added);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database schema is behind this version; run `almanac db migrate`.")]
    private static partial void LogSchemaBehind(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} sample stories")]
    private static partial void LogSamplesLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Almanac is running at {Urls}")]
    public static partial void LogListening(ILogger logger, ICollection<string> urls);
}
