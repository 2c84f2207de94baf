using System.ComponentModel;
using Almanac.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands;

/// <summary>
/// Where the database is: <c>--connection</c>, else the same settings the site reads
/// (<c>appsettings.json</c> in the current folder, then <c>ConnectionStrings__Almanac</c> and
/// <c>Database__Provider</c> in the environment), else ./data/almanac.db.
/// </summary>
public class DatabaseSettings : CommandSettings
{
    [CommandOption("--connection <STRING>")]
    [Description("Connection string; overrides ConnectionStrings__Almanac.")]
    public string? Connection { get; init; }

    public ServiceProvider BuildServices() => AddDatabase(new ServiceCollection()).BuildServiceProvider();

    /// <summary>Registers the configured database on <paramref name="services"/>.</summary>
    protected IServiceCollection AddDatabase(IServiceCollection services)
    {
        var (provider, connectionString) = ResolveDatabase();
        return services.AddAlmanacDatabase(provider, connectionString);
    }

    /// <summary>The provider and connection string these settings lead to (null: the provider's default).</summary>
    public (DatabaseProvider Provider, string? ConnectionString) ResolveDatabase()
    {
        var configuration = ReadConfiguration();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return (options.Provider, Connection ?? configuration.GetConnectionString("Almanac"));
    }

    protected static IConfiguration ReadConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();
}
