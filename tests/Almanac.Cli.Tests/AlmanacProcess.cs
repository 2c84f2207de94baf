using System.Diagnostics;
using Npgsql;

namespace Almanac.Cli.Tests;

/// <summary>
/// Runs the real `almanac` tool (built next to the tests) as an operator would, against a fresh SQLite
/// file, or a fresh PostgreSQL database when <c>ALMANAC_TEST_POSTGRES</c> names a server (test.sh's
/// second run).
/// </summary>
public static class AlmanacProcess
{
    private static string? PostgresServer => Environment.GetEnvironmentVariable("ALMANAC_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs the tool with <paramref name="input"/> on its standard input (e.g. a password).</summary>
    public static async Task<(int ExitCode, string Output)> RunWithInputAsync(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, WorkingDirectory = Path.GetTempPath() };
        if (PostgresServer is not null)
        {
            start.Environment["Database__Provider"] = "Postgres";
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "almanac.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>A raw connection to a database made by <see cref="NewDatabase"/>, for checks in SQL.</summary>
    public static System.Data.Common.DbConnection OpenConnection(string connectionString) =>
        IsPostgres ? new NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);

    public static string NewDatabase()
    {
        if (PostgresServer is not { } server)
        {
            return $"Data Source={Path.Combine(Path.GetTempPath(), $"almanac-cli-{Guid.NewGuid():N}.db")}";
        }

        // The throw-away cluster is removed as a whole when the run ends.
        var name = $"almanac_cli_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        create.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
