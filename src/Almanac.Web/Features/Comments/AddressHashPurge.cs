using Almanac.Core.Comments;

namespace Almanac.Web.Features.Comments;

/// <summary>Clears address hashes older than <c>Comments:IpRetentionDays</c>, at start and then every hour.</summary>
public sealed partial class AddressHashPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<AddressHashPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                int cleared = await scope.ServiceProvider.GetRequiredService<CommentModeration>().PurgeAddressHashesAsync(stoppingToken);
                if (cleared > 0)
                {
                    LogPurged(logger, cleared);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage must not stop the service; the next tick tries again.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared {Count} comment address hashes past their retention")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear old comment address hashes")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
