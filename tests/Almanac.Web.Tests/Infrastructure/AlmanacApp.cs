using Almanac.Core.Data;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Web.Tests.Infrastructure;

/// <summary>
/// The site on a real, throw-away database (SQLite, or PostgreSQL when test.sh says so; see
/// <see cref="TestDatabase"/>), with the sample stories and a clock the test controls.
/// The default "now" is 4 August 2024, 09:00 UTC: the Mexico–USSR story of the day turns 100.
/// </summary>
public class AlmanacApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;

    public AlmanacApp()
        : this(new DateTimeOffset(2024, 8, 4, 9, 0, 0, TimeSpan.Zero))
    {
    }

    protected AlmanacApp(DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        database = TestDatabase.Create();
        ownsDatabase = true;
    }

    /// <summary>A second node on another app's database (the caller keeps the database).</summary>
    protected AlmanacApp(TestDatabase shared)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2024, 8, 4, 9, 0, 0, TimeSpan.Zero));
        database = shared;
        ownsDatabase = false;
    }

    /// <summary>This app's database, for a second node to share.</summary>
    public TestDatabase Database => database;

    public FakeTimeProvider Time { get; }

    /// <summary>Extra settings, e.g. ("Site:TimeZone", "Pacific/Kiritimati").</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Almanac", database.ConnectionString);
        builder.UseSetting("Site:BaseUrl", "https://almanac.test");
        if (Environment.GetEnvironmentVariable("ALMANAC_TEST_REDIS") is { Length: > 0 } redis)
        {
            // test.sh's second run: the output cache in a shared Redis, as on several nodes; each app keeps to its own keys.
            builder.UseSetting("ConnectionStrings:Redis", redis);
            builder.UseSetting("Caching:RedisPrefix", $"almanac-test-{Guid.NewGuid():N}:");
        }

        // The production deadline (10 s) answers 503 to a request a loaded two-core test machine is merely
        // slow to serve; tests of the deadline itself set their own (Settings win).
        builder.UseSetting(DatabaseFailures.RequestTimeoutSetting, "120");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>A database context for arranging or checking data directly.</summary>
    public AsyncServiceScopeWithDb OpenDb()
    {
        var scope = Services.CreateAsyncScope();
        return new AsyncServiceScopeWithDb(scope, scope.ServiceProvider.GetRequiredService<AlmanacDbContext>());
    }

    public HttpClient CreateReaderClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://almanac.test") });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class AsyncServiceScopeWithDb(AsyncServiceScope scope, AlmanacDbContext db) : IAsyncDisposable
{
    public AlmanacDbContext Db { get; } = db;

    public IServiceProvider Services => scope.ServiceProvider;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
