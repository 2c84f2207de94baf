using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.MostRead;

/// <summary>
/// Writes counted reads to <c>StoryReads</c> off the request path: every few seconds (and once more
/// on shutdown) it sums what the channel holds per story and day, and adds the sums in one transaction.
/// </summary>
public sealed partial class ReadFlusher(ReadCounter counter, IServiceScopeFactory scopes, TimeProvider time,
    IOptions<MostReadOptions> options, ILogger<ReadFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushSafelyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushSafelyAsync(cancellationToken);
    }

    /// <summary>Writes everything counted so far; returns how many reads were written.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        var batch = new Dictionary<(string Slug, DateOnly Day), int>();
        while (counter.Reads.TryRead(out var read))
        {
            batch[read] = batch.GetValueOrDefault(read) + 1;
        }

        counter.Forget();
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        var slugs = batch.Keys.Select(k => k.Slug).Distinct().ToList();
        var ids = await db.Stories.AsNoTracking().Where(s => slugs.Contains(s.Slug)).ToDictionaryAsync(s => s.Slug, s => s.Id, ct);
        var rows = batch.Where(kv => ids.ContainsKey(kv.Key.Slug))
            .Select(kv => (ids[kv.Key.Slug], kv.Key.Day, kv.Value))
            .OrderBy(r => r.Item1).ThenBy(r => r.Day)
            .ToList();
        await ReadCounts.AddAsync(db, rows, ct);
        return rows.Sum(r => r.Value);
    }

    private async Task FlushSafelyAsync(CancellationToken ct)
    {
        try
        {
            await FlushAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Counts are not worth an outage: log, drop this batch, keep serving.
            LogFlushFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write story read counts; this batch is lost")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
