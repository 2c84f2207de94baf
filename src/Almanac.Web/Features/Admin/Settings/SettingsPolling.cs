namespace Almanac.Web.Features.Admin.Settings;

/// <summary>
/// Loads the stored settings before the site takes requests, then every <c>Settings:PollSeconds</c>
/// (10 by default), so a change saved on one node reaches the others without a restart.
/// </summary>
public sealed partial class SettingsPolling(SettingsStore store, TimeProvider time, IConfiguration configuration, ILogger<SettingsPolling> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.ReloadAsync(evictPages: false, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A schema not yet migrated (no table) or a database outage: start on appsettings alone.
            LogFailed(logger, e);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int seconds = Math.Max(1, configuration.GetValue("Settings:PollSeconds", 10));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.ReloadAsync(evictPages: true, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the stored site settings; the previous values stay")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
