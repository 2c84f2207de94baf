using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Publishing;

public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>How often the scheduler looks for stories whose time has come.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 15;
}

/// <summary>
/// Runs <see cref="ScheduledPublisher.PublishDueAsync"/> at start and then every
/// <c>Publishing:PollSeconds</c> on the injected <see cref="TimeProvider"/>, so a test's fake clock
/// drives it. Every node runs one; the conditional claim keeps publication to exactly one of them.
/// </summary>
public sealed partial class PublishingScheduler(IServiceScopeFactory scopes, TimeProvider time, IOptions<PublishingOptions> options,
    ILogger<PublishingScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; whatever is still due is published by the next start (or another node).
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScheduledPublisher>().PublishDueAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A database outage must not stop the host: the claim is transactional, so the next tick retries cleanly.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish scheduled stories; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
