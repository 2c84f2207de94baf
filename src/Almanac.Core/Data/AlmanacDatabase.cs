using Almanac.Core.Search;
using Almanac.Core.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Core.Data;

public static class AlmanacDatabase
{
    /// <summary>
    /// Registers the provider's context as <see cref="AlmanacDbContext"/> (pooled: contexts are
    /// reused across requests), a factory for background work, and the story search whose index every
    /// save keeps current.
    /// </summary>
    public static IServiceCollection AddAlmanacDatabase(this IServiceCollection services, DatabaseProvider provider, string? connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = PrepareSqlite(string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultConnectionString : connectionString);
                services.AddPooledDbContextFactory<SqliteAlmanacDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(StorySearchIndexing.Instance, RelatedStoriesRefresh.Instance, DatabaseMetrics.Instance));
                services.AddScoped<AlmanacDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteAlmanacDbContext>>().CreateDbContext());
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Almanac is empty; set it, e.g. \"Host=db;Database=almanac;Username=almanac;Password=…\".");
                }

                services.AddPooledDbContextFactory<PostgresAlmanacDbContext>(o => o.UseNpgsql(connectionString).AddInterceptors(StorySearchIndexing.Instance, RelatedStoriesRefresh.Instance, DatabaseMetrics.Instance));
                services.AddScoped<AlmanacDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgresAlmanacDbContext>>().CreateDbContext());
                break;
            default:
                throw new InvalidOperationException($"Database provider {provider} is not supported.");
        }

        services.AddScoped(sp => StorySearch.For(sp.GetRequiredService<AlmanacDbContext>()));
        return services;
    }

    /// <summary>Creates the folder of the database file, so a fresh clone runs without setup.</summary>
    public static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies pending migrations. SQLite is switched to write-ahead logging, which lets readers go on
    /// while a writer commits; the setting is stored in the file, so once is enough.
    /// </summary>
    public static async Task MigrateAsync(AlmanacDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>True when no migration has been applied yet: the very first start of a site.</summary>
    public static async Task<bool> IsNewAsync(AlmanacDbContext db, CancellationToken ct = default) =>
        !(await db.Database.GetAppliedMigrationsAsync(ct)).Any();
}
