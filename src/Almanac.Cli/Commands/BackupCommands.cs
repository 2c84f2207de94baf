using System.ComponentModel;
using System.Diagnostics;
using Almanac.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands;

public sealed class BackupSettings : DatabaseSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("The backup file.")]
    public string Path { get; init; } = "";

    [CommandOption("--force")]
    [Description("restore: replace a site that already has stories.")]
    public bool Force { get; init; }
}

/// <summary>
/// A consistent snapshot of a running site: SQLite's online backup API (readers and the writer go on
/// while it copies), or <c>pg_dump</c> in its custom format for PostgreSQL.
/// </summary>
public sealed class BackupCommand : AsyncCommand<BackupSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BackupSettings settings, CancellationToken cancellationToken)
    {
        var (provider, connectionString) = settings.ResolveDatabase();
        var target = System.IO.Path.GetFullPath(settings.Path);
        if (provider == DatabaseProvider.Postgres)
        {
            return await PgTools.RunAsync("pg_dump", connectionString!, ["--format=custom", "--no-owner", $"--file={target}"], cancellationToken);
        }

        var source = new SqliteConnectionStringBuilder(AlmanacDatabase.PrepareSqlite(connectionString ?? DatabaseOptions.DefaultConnectionString));
        if (!File.Exists(source.DataSource))
        {
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]There is no database at {source.DataSource}.[/]");
            return ExitCodes.BadInput;
        }

        // Copied to a name beside the target first, so a failed backup never leaves a half file under its name.
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);
            await using var journal = to.CreateCommand();
            // A single self-contained file: no -wal beside it to forget when copying the backup.
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        File.Move(partial, target, overwrite: true);
        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Backed up the site to {target}.");
        return ExitCodes.Ok;
    }
}

/// <summary>Puts a backup back. Refuses a site that has stories unless <c>--force</c>; stop the site first.</summary>
public sealed class RestoreCommand : AsyncCommand<BackupSettings>
{
    public override ValidationResult Validate(CommandContext context, BackupSettings settings) =>
        File.Exists(settings.Path) ? ValidationResult.Success() : ValidationResult.Error($"There is no file \"{settings.Path}\".");

    public override async Task<int> ExecuteAsync(CommandContext context, BackupSettings settings, CancellationToken cancellationToken)
    {
        var (provider, connectionString) = settings.ResolveDatabase();
        var stories = await CountStoriesAsync(settings, cancellationToken);
        if (stories > 0 && !settings.Force)
        {
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture,
                $"[red]The site has {stories} stories; restoring would replace them.[/] Run again with --force to do so.");
            return ExitCodes.BadInput;
        }

        var backup = System.IO.Path.GetFullPath(settings.Path);
        if (provider == DatabaseProvider.Postgres)
        {
            int code = await PgTools.RunAsync("pg_restore", connectionString!, ["--clean", "--if-exists", "--no-owner", backup], cancellationToken);
            if (code != ExitCodes.Ok)
            {
                return code;
            }
        }
        else
        {
            await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await from.OpenAsync(cancellationToken);
            if (!await IsAlmanacAsync(from, cancellationToken))
            {
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]{backup} is not an Almanac backup.[/]");
                return ExitCodes.BadInput;
            }

            var target = new SqliteConnectionStringBuilder(AlmanacDatabase.PrepareSqlite(connectionString ?? DatabaseOptions.DefaultConnectionString)) { Pooling = false };
            await using var to = new SqliteConnection(target.ToString());
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);
        }

        // A backup taken by an older version is brought up to the current schema.
        await using var services = settings.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        await AlmanacDatabase.MigrateAsync(db, cancellationToken);
        int restored = await db.Stories.CountAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Restored {restored} stories from {backup}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> CountStoriesAsync(DatabaseSettings settings, CancellationToken ct)
    {
        await using var services = settings.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        try
        {
            return await db.Database.CanConnectAsync(ct) && !await AlmanacDatabase.IsNewAsync(db, ct) ? await db.Stories.CountAsync(ct) : 0;
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException)
        {
            // No schema yet: an empty site.
            return 0;
        }
    }

    private static async Task<bool> IsAlmanacAsync(SqliteConnection connection, CancellationToken ct)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('__EFMigrationsHistory', 'Stories')";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 2;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}

/// <summary>Runs PostgreSQL's own tools with the site's connection settings (the password through the environment, never the command line).</summary>
internal static class PgTools
{
    public static async Task<int> RunAsync(string tool, string connectionString, string[] args, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add($"--dbname={cs.Database}");
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username;
        if (!string.IsNullOrEmpty(cs.Password))
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process = null;
        }

        if (process is null)
        {
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture,
                $"[red]{tool} is not on the PATH.[/] Install PostgreSQL's client tools (Debian: apt-get install postgresql-client) of the server's version or newer.");
            return ExitCodes.Failure;
        }

        using (process)
        {
            var errors = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]{tool} failed ({process.ExitCode}):[/] {errors.Trim()}");
                return ExitCodes.Failure;
            }
        }

        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"{tool} finished.");
        return ExitCodes.Ok;
    }
}
