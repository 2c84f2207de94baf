using System.Net;
using System.Text.Json;
using Almanac.Core.Data;
using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Almanac.Web.Tests.Hosting;

/// <summary>A node told to use a Redis that is not there.</summary>
public sealed class NoRedisApp : AlmanacApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ConnectionStrings:Redis", "127.0.0.1:1")];
}

public class HealthTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_SaysTheProcessIsAlive()
    {
        var response = await app.CreateReaderClient().GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("status").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Readyz_ChecksTheDatabase()
    {
        var response = await app.CreateReaderClient().GetAsync("/readyz", Ct);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DatabaseCheck_IsUnhealthyWhenTheDatabaseDoesNotAnswer()
    {
        var options = new DbContextOptionsBuilder<PostgresAlmanacDbContext>().UseNpgsql("Host=127.0.0.1;Port=1;Timeout=2").Options;
        await using var db = new PostgresAlmanacDbContext(options);
        var check = new DatabaseHealthCheck(db);

        var result = await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("database", check, HealthStatus.Unhealthy, ["ready"]),
        }, Ct);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}

public class HealthWithoutRedisTests(NoRedisApp app) : IClassFixture<NoRedisApp>
{
    [Fact]
    public async Task Readyz_IsDegradedNotDownWhenRedisIsMissing_AndPagesStillServe()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateReaderClient();

        var response = await client.GetAsync("/readyz", ct);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        Assert.Equal("Degraded", report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/day/august-4", ct)).StatusCode);
    }
}
