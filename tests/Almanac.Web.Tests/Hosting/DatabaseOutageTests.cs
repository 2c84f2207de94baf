using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Almanac.Core.Data;
using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Almanac.Web.Tests.Hosting;

/// <summary>
/// A node whose database can be taken away: while <see cref="Down"/> is set, opening a connection
/// fails the way the provider fails when its server is gone (PostgreSQL refusing the connection,
/// SQLite's file locked by another process); while <see cref="Hanging"/> is set, opening a
/// connection never completes, as with a frozen server, until the request's work is cancelled.
/// </summary>
public class OutageApp : AlmanacApp
{
    private readonly Outage outage = new();

    public bool Down
    {
        get => outage.Down;
        set => outage.Down = value;
    }

    public bool Hanging
    {
        get => outage.Hanging;
        set => outage.Hanging = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteAlmanacDbContext>(o => o.AddInterceptors(outage));
            services.ConfigureDbContext<PostgresAlmanacDbContext>(o => o.AddInterceptors(outage));
        });
    }

    private sealed class Outage : DbConnectionInterceptor
    {
        public volatile bool Down;

        public volatile bool Hanging;

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            Down ? throw Failure(connection) : result;

        public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Down)
            {
                throw Failure(connection);
            }

            if (Hanging)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return result;
        }

        private static DbException Failure(DbConnection connection) => connection is SqliteConnection
            ? new SqliteException("database is locked", 5)
            : new NpgsqlException("Failed to connect to 127.0.0.1", new SocketException((int)SocketError.ConnectionRefused));
    }
}

public class DatabaseOutageTests(OutageApp app) : IClassFixture<OutageApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhileTheDatabaseIsAway_PagesAnswer503WithTheErrorPage_AndRecoverWhenItReturns()
    {
        var client = app.CreateReaderClient();
        // A page nobody asked for yet, so the output cache cannot answer it.
        var path = $"/on-this-day/{Samples.MexicoUssr}?outage={Guid.NewGuid():N}";

        app.Down = true;
        HttpResponseMessage during;
        try
        {
            during = await client.GetAsync(path, Ct);
        }
        finally
        {
            app.Down = false;
        }

        var html = await during.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseFailures.RetryAfterSeconds), during.Headers.RetryAfter?.Delta);
        Assert.Contains("The almanac is briefly unavailable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.True(during.Headers.CacheControl?.NoStore);

        var after = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task WhileTheDatabaseIsAway_TheApiAnswers503ProblemDetails_AndReadinessFails()
    {
        var client = app.CreateReaderClient();

        app.Down = true;
        HttpResponseMessage api, ready;
        try
        {
            api = await client.GetAsync("/api/v1/days/08-05", Ct);
            ready = await client.GetAsync("/readyz", Ct);
        }
        finally
        {
            app.Down = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Ct)).StatusCode);
    }

    [Fact]
    public void AnErrorThatIsNotTheDatabase_StaysA500()
    {
        Assert.Equal(500, DatabaseFailures.StatusCodeFor(new InvalidOperationException("a bug")));
        Assert.Equal(500, DatabaseFailures.StatusCodeFor(new SqliteException("no such table: Nope", 1)));
        Assert.Equal(503, DatabaseFailures.StatusCodeFor(new InvalidOperationException("wrapped", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"))));
    }

    [Fact]
    public void PostgresConnections_GetTheConfiguredTimeouts_UnlessTheConnectionStringSetsThem()
    {
        var defaults = new NpgsqlConnectionStringBuilder(DatabaseFailures.WithTimeouts("Host=db;Database=almanac", 5, 2));
        var own = new NpgsqlConnectionStringBuilder(DatabaseFailures.WithTimeouts("Host=db;Database=almanac;Timeout=9;Command Timeout=60;Cancellation Timeout=500", 5, 2));

        Assert.Equal((2, 5, -1), (defaults.Timeout, defaults.CommandTimeout, defaults.CancellationTimeout));
        Assert.Equal((9, 60, 500), (own.Timeout, own.CommandTimeout, own.CancellationTimeout));
    }
}

/// <summary>A node with a one-second request deadline.</summary>
public sealed class ShortDeadlineApp : OutageApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new(DatabaseFailures.RequestTimeoutSetting, "1")];
}

public class RequestDeadlineTests(ShortDeadlineApp app) : IClassFixture<ShortDeadlineApp>
{
    [Fact]
    public async Task ARequestStuckOnTheDatabase_IsCutOffAtTheDeadlineWithThe503Page()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateReaderClient();
        var path = $"/on-this-day/{Samples.MexicoUssr}?deadline={Guid.NewGuid():N}";

        app.Hanging = true;
        HttpResponseMessage stuck;
        try
        {
            stuck = await client.GetAsync(path, ct);
        }
        finally
        {
            app.Hanging = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, stuck.StatusCode);
        Assert.Contains("The almanac is briefly unavailable", await stuck.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, ct)).StatusCode);
    }
}
