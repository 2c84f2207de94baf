using Almanac.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Cli.Tests;

/// <summary>The model over a database the CLI wrote, for checks entity by entity.</summary>
public static class SiteDatabase
{
    public static async Task<T> ReadAsync<T>(string connectionString, Func<AlmanacDbContext, Task<T>> read)
    {
        await using var services = new ServiceCollection()
            .AddAlmanacDatabase(AlmanacProcess.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString)
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AlmanacDbContext>());
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"almanac-cli-{Guid.NewGuid():N}-{name}");
}
