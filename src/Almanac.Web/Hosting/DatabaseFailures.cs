using System.Data.Common;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Almanac.Web.Hosting;

/// <summary>
/// While the database is unreachable (restarting, failing over, overloaded), pages fail fast with a
/// 503 and a Retry-After instead of a 500 or a hang: PostgreSQL commands give up after
/// <c>Database:TimeoutSeconds</c> (five by default) and connecting after <c>Database:ConnectTimeoutSeconds</c>
/// (two; values in the connection string win), and the error handler answers 503 to the exceptions
/// that mean "the database is not there".
/// Every request also has a deadline, <c>Requests:TimeoutSeconds</c> (ten by default), after which
/// its work is cancelled and it answers 503: the outer bound for work that waits on anything else.
/// </summary>
public static class DatabaseFailures
{
    public const string TimeoutSetting = "Database:TimeoutSeconds";

    public const int DefaultTimeoutSeconds = 5;

    public const string ConnectTimeoutSetting = "Database:ConnectTimeoutSeconds";

    public const int DefaultConnectTimeoutSeconds = 2;

    public const string RequestTimeoutSetting = "Requests:TimeoutSeconds";

    public const int DefaultRequestTimeoutSeconds = 10;

    /// <summary>What a 503 page tells clients and proxies about when to come back.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The PostgreSQL connection string with the timeouts it does not set itself. A command gives up
    /// after <paramref name="commandSeconds"/>; Npgsql's <c>Timeout</c>, <paramref name="connectSeconds"/>,
    /// bounds everything else a request can wait for: a free connection in the pool, opening one, and
    /// the cancellation request Npgsql sends (synchronously, on a new connection) after a command timed
    /// out. Against a server that accepts connections but never answers, a request therefore waits at
    /// most connect + command + connect seconds, which the defaults keep under the request deadline.
    /// </summary>
    public static string WithTimeouts(string connectionString, int commandSeconds, int connectSeconds)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = connectSeconds;
        }

        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = commandSeconds;
        }

        // After that cancellation request, Npgsql would by default wait two more seconds for the
        // command's answer; a server that did not answer the command will not answer that either.
        if (!given.ContainsKey("Cancellation Timeout") && !given.ContainsKey("CancellationTimeout"))
        {
            builder.CancellationTimeout = -1;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// True when <paramref name="exception"/> (or one it wraps) says the database could not be reached
    /// or did not answer in time, as opposed to a bug: transient provider errors, PostgreSQL's
    /// connection and shutdown states (SQLSTATE 08xxx, 57P0x), timeouts (a request deadline cancels
    /// the work, which the provider may report wrapped in its own exception), and SQLite's busy or locked file.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or OperationCanceledException
                or DbException { IsTransient: true }
                or SqliteException { SqliteErrorCode: 5 or 6 }
                || (e is DbException { SqlState: { Length: 5 } state } && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The request deadline: cancels the request's work and answers 503 (the error page) when it passes.</summary>
    public static IServiceCollection AddRequestDeadline(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(configuration.GetValue(RequestTimeoutSetting, DefaultRequestTimeoutSeconds)),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });

    /// <summary>The status of a failed request: 503 when the database was away, else 500.</summary>
    public static int StatusCodeFor(Exception exception) =>
        IsUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
}
