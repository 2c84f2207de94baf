using System.Net;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Hosting;

public class MetricsTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task Metrics_ShowRequestsCacheHitsAndDatabaseTimeInPrometheusFormat()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateReaderClient();
        await client.GetAsync("/day/august-9", ct);   // rendered: a miss, with database commands
        await client.GetAsync("/day/august-9", ct);   // from the cache: a hit

        // The exporter collects on a schedule; ask until the counts are in.
        string text = "";
        for (int i = 0; i < 50 && !(text.Contains("result=\"hit\"", StringComparison.Ordinal) && text.Contains("almanac_db_command_duration", StringComparison.Ordinal)); i++)
        {
            var response = await client.GetAsync("/metrics", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync(ct);
            await Task.Delay(100, ct);
        }

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Matches(@"almanac_output_cache_requests_total\{[^}]*result=""hit""[^}]*\} [1-9]", text);
        Assert.Matches(@"almanac_output_cache_requests_total\{[^}]*result=""miss""[^}]*\} [1-9]", text);
        Assert.Matches(@"almanac_db_command_duration_seconds_count\{[^}]*db_provider=""(sqlite|postgresql)""[^}]*\} [1-9]", text);
    }
}
