using System.Diagnostics;
using System.Globalization;
using Almanac.Core.Data;
using Almanac.Core.Importing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands.Import;

/// <summary>
/// Runs one format's reader through <see cref="Importer"/>, with a progress bar on a terminal (plain
/// lines when output is redirected) and a report at the end. Exit codes: 0 when the run completed
/// (bad records skipped are listed), 1 when the file cannot be read or <c>--strict</c> stopped at a
/// bad record, 2 when the database failed.
/// </summary>
public abstract class ImportCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : ImportSettings
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    protected abstract IImportReader CreateReader(TSettings settings);

    /// <summary>Lines to print after the counts (a format's own findings, such as undated posts).</summary>
    protected virtual IEnumerable<string> Afterword(IImportReader reader, ImportReport report) => [];

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var reader = CreateReader(settings);
        var options = new ImportOptions
        {
            DryRun = settings.DryRun,
            Update = settings.Update,
            Strict = settings.Strict,
            BatchSize = settings.BatchSize,
            RecomputeRelated = !settings.NoRelated,
        };
        ImportReport report;
        try
        {
            await using var services = settings.BuildImportServices();
            await using (var scope = services.CreateAsyncScope())
            {
                await AlmanacDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AlmanacDbContext>(), cancellationToken);
            }

            report = await RunAsync(services, reader, options, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            AnsiConsole.MarkupLineInterpolated(Invariant, $"[red]Cannot import {settings.Path}:[/] {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AnsiConsole.MarkupLineInterpolated(Invariant, $"[red]The import failed:[/] {e.Message}");
            Console.WriteLine("Batches written before the failure are complete; run the same command again to finish.");
            return ExitCodes.Failure;
        }

        Print(report);
        foreach (var line in Afterword(reader, report))
        {
            Console.WriteLine(line);
        }

        if (report.Stopped)
        {
            AnsiConsole.MarkupLine("[red]Stopped at the first bad record (--strict).[/] Its batch was not written.");
            return ExitCodes.BadInput;
        }

        return ExitCodes.Ok;
    }

    private static async Task<ImportReport> RunAsync(IServiceProvider services, IImportReader reader, ImportOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        string Status(ImportReport r)
        {
            var rate = r.Read / Math.Max(0.001, clock.Elapsed.TotalSeconds);
            return string.Format(Invariant, "{0:N0} read · {1:N0} created · {2:N0} updated · {3:N0} skipped · {4:N0} bad · {5:N0}/s",
                r.Read, r.Created, r.Updated, r.Skipped, r.Bad, rate);
        }

        if (Console.IsOutputRedirected)
        {
            // Scripts and CI get a plain line every few seconds instead of a redrawn bar.
            var last = TimeSpan.Zero;
            var report = await Importer.RunAsync(services, reader, options, r =>
            {
                if (clock.Elapsed - last >= TimeSpan.FromSeconds(2))
                {
                    last = clock.Elapsed;
                    Console.WriteLine($"progress: {Status(r)}");
                }
            }, DateTime.UtcNow, ct);
            Console.WriteLine($"progress: {Status(report)} in {clock.Elapsed.TotalSeconds.ToString("N1", Invariant)} s");
            return report;
        }

        ImportReport? result = null;
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(options.DryRun ? "Dry run" : "Importing", maxValue: 1);
                result = await Importer.RunAsync(services, reader, options, r =>
                {
                    task.Value = reader.Progress;
                    task.Description = Markup.Escape(Status(r));
                }, DateTime.UtcNow, ct);
                task.Value = 1;
                task.Description = Markup.Escape(Status(result));
            });
        return result!;
    }

    private static void Print(ImportReport r)
    {
        var verb = r.DryRun ? "Dry run, nothing written. Would create" : "Created";
        Console.WriteLine(string.Format(Invariant,
            "{0} {1} stor{2}, {3} {4} updated, {5} skipped (already imported), {6} bad; {7} images, {8} redirects, {9} categories/topics, {10} comments ({11} updated), {12} users, {13} kept for later.",
            verb, r.Created, r.Created == 1 ? "y" : "ies", r.Updated, r.DryRun ? "would be" : "", r.Skipped, r.Bad, r.MediaCreated, r.RedirectsCreated, r.TagsCreated,
            r.CommentsCreated, r.CommentsUpdated, r.UsersCreated, r.Kept)
            .Replace("  ", " ", StringComparison.Ordinal));
        foreach (var p in r.Problems)
        {
            Console.WriteLine($"bad record {p.Location}: {p.Reason}");
        }

        if (r.Bad > r.Problems.Count)
        {
            Console.WriteLine($"… and {r.Bad - r.Problems.Count} more bad records.");
        }

        foreach (var n in r.Notes)
        {
            Console.WriteLine($"note {n.Location}: {n.Message}");
        }

        if (r.NoteCount > r.Notes.Count)
        {
            Console.WriteLine($"… and {r.NoteCount - r.Notes.Count} more notes.");
        }
    }
}
