using System.Net;
using Almanac.Core.Accounts;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web.Tests.Hosting;

/// <summary>What browsers are told to keep: readers keep public pages a while, the newsroom keeps none.</summary>
public sealed class BrowserCachingTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    public static TheoryData<string> PublicPages => new() { $"/on-this-day/{Samples.MexicoUssr}", "/day/august-4", "/year/1924", "/" };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task AReader_MayKeepAPublicPage_ButNotForADifferentCookie(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        // A copy kept from before signing in is not reused afterwards.
        Assert.Contains(HeaderNames.Cookie, response.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task ASignedInUser_GetsEveryPageFresh(string path)
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Contributor);

        var response = await editor.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // "private, no-cache" from the site; pages with a form of the signed-in user's say "no-cache, no-store" (antiforgery).
        var cacheControl = response.Headers.CacheControl!;
        Assert.Equal((false, true, null), (cacheControl.Public, cacheControl.NoCache, cacheControl.MaxAge));
        Assert.True(cacheControl.Private || cacheControl.NoStore, cacheControl.ToString());
    }

    [Fact]
    public async Task Images_KeepTheirLifetime_ForSignedInUsersToo()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        var response = await editor.GetAsync($"/cover/{Samples.MexicoUssr}/480.png", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((true, TimeSpan.FromDays(1)), (response.Headers.CacheControl?.Public, response.Headers.CacheControl?.MaxAge));
        Assert.DoesNotContain(HeaderNames.Cookie, response.Headers.Vary);
    }
}
