using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Almanac.Core.Data;

/// <summary>
/// Time spent in the database, as the histogram <c>almanac.db.command.duration</c> (seconds) of the
/// meter <c>Almanac</c>, tagged with the provider and the kind of command. Works the same on SQLite
/// and PostgreSQL, since it measures at EF Core's command level.
/// </summary>
public sealed class DatabaseMetrics : DbCommandInterceptor
{
    public const string MeterName = "Almanac";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "almanac.db.command.duration", unit: "s", description: "Time the database took to run a command");

    public static DatabaseMetrics Instance { get; } = new();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(eventData, "reader");
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "reader");
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(eventData, "non-query");
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "non-query");
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(eventData, "scalar");
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "scalar");
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Duration.Record(eventData.Duration.TotalSeconds, Tags(eventData, "failed"));

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Duration.Record(eventData.Duration.TotalSeconds, Tags(eventData, "failed"));
        return Task.CompletedTask;
    }

    private static void Record(CommandExecutedEventData eventData, string kind) =>
        Duration.Record(eventData.Duration.TotalSeconds, Tags(eventData, kind));

    private static KeyValuePair<string, object?>[] Tags(CommandEndEventData eventData, string kind) =>
    [
        new("db.provider", eventData.Context?.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => "sqlite",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => "postgresql",
            var other => other,
        }),
        new("db.command", kind),
    ];
}
