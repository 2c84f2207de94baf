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

    public ServiceProvider BuildServices()
    {
        var (provider, connectionString) = ResolveDatabase();
        return new ServiceCollection()
            .AddAlmanacDatabase(provider, connectionString)
            .BuildServiceProvider();
    }

    /// <summary>The provider and connection string these settings lead to (null: the provider's default).</summary>
    public (DatabaseProvider Provider, string? ConnectionString) ResolveDatabase()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return (options.Provider, Connection ?? configuration.GetConnectionString("Almanac"));
    }
}
