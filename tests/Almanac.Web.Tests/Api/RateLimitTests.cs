using System.Net;
using System.Text.Json;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Api;

/// <summary>The site with an anonymous API limit of three requests a minute.</summary>
public sealed class TightLimitApp : AlmanacApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Api:RequestsPerMinute", "3")];
}

public class RateLimitTests(TightLimitApp app) : IClassFixture<TightLimitApp>
{
    [Fact]
    public async Task BeyondTheLimit_TheApiAnswers429WithRetryAfterAndPagesStillServe()
    {
        var client = app.CreateReaderClient();
        var ct = TestContext.Current.CancellationToken;
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/days/08-04", ct)).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/days/08-04", ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        // The limit is for the API; reading the site is not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/day/august-4", ct)).StatusCode);
    }
}
