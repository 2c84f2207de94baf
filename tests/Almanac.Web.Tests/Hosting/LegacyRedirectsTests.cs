using System.Net;
using Almanac.Core.Redirects;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Hosting;

public class LegacyRedirectsTests
{
    private static async Task<AlmanacApp> AppWithRedirectsAsync()
    {
        var app = new AlmanacApp();
        await using var scope = app.OpenDb();
        var story = await scope.Db.Stories.OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync(TestContext.Current.CancellationToken);
        scope.Db.Redirects.AddRange(
            new Redirect { FromPath = "/on-this-day/old-wordpress-slug/", ToPath = Redirect.ToStory(story), Source = "wxr" },
            new Redirect { FromPath = "/?p=42", ToPath = Redirect.ToStory(story), Source = "wxr" },
            new Redirect { FromPath = "/2019/08/04/", ToPath = "/day/august-4", Source = "wxr" },
            new Redirect { FromPath = "/category/politics/", ToPath = "/category/politics-government", Source = "wxr" },
            new Redirect { FromPath = "/tag/mexico/", ToPath = "/topic/mexico", Source = "wxr" });
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return app;
    }

    [Theory]
    [InlineData("/on-this-day/old-wordpress-slug/", "/on-this-day/")]
    [InlineData("/on-this-day/old-wordpress-slug", "/on-this-day/")]
    [InlineData("/?p=42", "/on-this-day/")]
    [InlineData("/2019/08/04/", "/day/august-4")]
    [InlineData("/category/politics/", "/category/politics-government")]
    [InlineData("/tag/mexico/", "/topic/mexico")]
    public async Task OldWordPressAddresses_AnswerPermanentRedirectsToTheirNewPages(string oldPath, string expectedStart)
    {
        await using var app = await AppWithRedirectsAsync();
        using var client = app.CreateReaderClient();

        using var response = await client.GetAsync(oldPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.StartsWith(expectedStart, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?p=999")]
    [InlineData("/on-this-day/never-existed/")]
    [InlineData("/tag/unknown/")]
    public async Task UnknownOldAddresses_StayNotFoundOrHome(string path)
    {
        await using var app = await AppWithRedirectsAsync();
        using var client = app.CreateReaderClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(path.StartsWith("/?", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
    }
}
