using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Almanac.Core.Importing;

/// <summary>
/// The one way records from outside become stories, whatever the format. Entries are written in
/// batches, each in its own transaction with its import keys (<see cref="ImportedRecord"/>), so a
/// batch lands whole or not at all and a run killed half-way is finished by running it again. The
/// search index is kept in step by the save itself (<c>StorySearchIndexing</c>, inside the batch's
/// transaction); related stories are ranked once at the end.
/// </summary>
public static class Importer
{
    public static async Task<ImportReport> RunAsync(IServiceProvider services, IImportReader reader, ImportOptions options,
        Action<ImportReport>? progress, DateTime nowUtc, CancellationToken ct = default)
    {
        var report = new ImportReport { DryRun = options.DryRun };
        // Only a dry run needs to remember keys across batches: its batches are rolled back, so the
        // database cannot tell a later batch that an earlier one "added" a record.
        var dryRunKeys = options.DryRun ? new HashSet<string>(StringComparer.Ordinal) : null;
        var batch = new List<ImportEntry>(options.BatchSize);
        try
        {
            await foreach (var entry in reader.ReadAsync(ct))
            {
                switch (entry)
                {
                    case ProblemEntry problem:
                        report.Add(problem);
                        if (options.Strict)
                        {
                            throw new StrictStopException();
                        }

                        continue;
                    case NoteEntry note:
                        report.Add(note);
                        continue;
                }

                report.Read++;
                batch.Add(entry);
                if (batch.Count >= options.BatchSize)
                {
                    await WriteAsync(services, reader.Source, batch, options, report, dryRunKeys, nowUtc, ct);
                    batch.Clear();
                    progress?.Invoke(report);
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync(services, reader.Source, batch, options, report, dryRunKeys, nowUtc, ct);
                progress?.Invoke(report);
            }
        }
        catch (StrictStopException)
        {
            // The batch in hand is not written; batches before it were complete and stay.
            report.Stopped = true;
            return report;
        }

        if (!options.DryRun && options.RecomputeRelated && report.Created + report.Updated > 0)
        {
            await using var scope = services.CreateAsyncScope();
            await RelatedStories.RecomputeAllAsync(scope.ServiceProvider.GetRequiredService<AlmanacDbContext>(), ct);
        }

        return report;
    }

    private static async Task WriteAsync(IServiceProvider services, string source, List<ImportEntry> batch, ImportOptions options,
        ImportReport report, HashSet<string>? dryRunKeys, DateTime nowUtc, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        // Related stories are ranked once at the end of the run (or not at all with --no-related), not per batch.
        using var related = RelatedStoriesRefresh.Suspend(db);
        // Counts are taken on a copy and kept only when the batch commits (or, in a dry run, completes).
        var counts = new BatchCounts();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The media store, when the caller registered one, receives the variants of files found beside the
        // export (a WXR's uploads folder). The database store shares this context, so its rows are part of
        // the batch's transaction.
        var media = scope.ServiceProvider.GetService<IMediaStore>() is { } store
            ? new ImportMedia(store, scope.ServiceProvider.GetService<IOptions<MediaOptions>>()?.Value ?? new MediaOptions())
            : null;
        await new ImportBatch(db, source, options, counts, dryRunKeys, nowUtc, media).WriteAsync(batch, ct);
        if (counts.Stop)
        {
            // --strict met a bad record: nothing of this batch is kept, and the problem is reported.
            await transaction.RollbackAsync(ct);
            counts.Problems.ForEach(report.Add);
            throw new StrictStopException();
        }

        if (options.DryRun)
        {
            await transaction.RollbackAsync(ct);
        }
        else
        {
            await transaction.CommitAsync(ct);
        }

        counts.AddTo(report);
    }

    internal sealed class StrictStopException : Exception;
}

/// <summary>Where processed image variants go, and the limits they are processed with.</summary>
internal sealed record ImportMedia(IMediaStore Store, MediaOptions Options);

/// <summary>What one batch did; added to the report only once the batch is through.</summary>
internal sealed class BatchCounts
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Skipped { get; set; }

    public int MediaCreated { get; set; }

    public int RedirectsCreated { get; set; }

    public int TagsCreated { get; set; }

    public int Kept { get; set; }

    public int CommentsCreated { get; set; }

    public int CommentsUpdated { get; set; }

    public int UsersCreated { get; set; }

    public bool Stop { get; set; }

    public List<ProblemEntry> Problems { get; } = [];

    public List<NoteEntry> Notes { get; } = [];

    public void AddTo(ImportReport report)
    {
        report.Created += Created;
        report.Updated += Updated;
        report.Skipped += Skipped;
        report.MediaCreated += MediaCreated;
        report.RedirectsCreated += RedirectsCreated;
        report.TagsCreated += TagsCreated;
        report.Kept += Kept;
        report.CommentsCreated += CommentsCreated;
        report.CommentsUpdated += CommentsUpdated;
        report.UsersCreated += UsersCreated;
        Problems.ForEach(report.Add);
        Notes.ForEach(report.Add);
    }
}
