using System.Net;
using System.Xml.Linq;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Sitemaps;

/// <summary>A site whose sitemaps hold 40 stories each, so 86 sample stories need three of them.</summary>
public sealed class SmallSitemapApp : AlmanacApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sitemaps:UrlsPerFile", "40")];
}

public class SitemapTests(SmallSitemapApp app) : IClassFixture<SmallSitemapApp>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Image = "http://www.google.com/schemas/sitemap-image/1.1";

    [Fact]
    public async Task RobotsTxt_PointsToTheSitemapIndex()
    {
        var response = await app.CreateReaderClient().GetAsync("/robots.txt", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("User-agent: *", text, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://almanac.test/sitemap.xml", text.Split('\n'));
    }

    [Fact]
    public async Task SitemapIndex_ListsEveryStoryOnceAcrossChildSitemaps()
    {
        var client = app.CreateReaderClient();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken));

        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var children = index.Root.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        Assert.Equal(["https://almanac.test/sitemaps/pages.xml", "https://almanac.test/sitemaps/stories-1.xml", "https://almanac.test/sitemaps/stories-2.xml", "https://almanac.test/sitemaps/stories-3.xml"], children);

        var storyUrls = new List<string>();
        foreach (var child in children.Skip(1))
        {
            var urlset = XDocument.Parse(await client.GetStringAsync(new Uri(child).PathAndQuery, TestContext.Current.CancellationToken)).Root!;
            Assert.Equal(Sm + "urlset", urlset.Name);
            var urls = urlset.Elements(Sm + "url").ToList();
            Assert.InRange(urls.Count, 1, 40);
            Assert.All(urls, u =>
            {
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", u.Element(Sm + "lastmod")!.Value);
                Assert.EndsWith("/1200.png", u.Element(Image + "image")!.Element(Image + "loc")!.Value, StringComparison.Ordinal);
            });
            storyUrls.AddRange(urls.Select(u => u.Element(Sm + "loc")!.Value));
        }

        Assert.Equal(86, storyUrls.Count);
        Assert.Equal(storyUrls.Count, storyUrls.Distinct().Count());
        Assert.Contains("https://almanac.test/on-this-day/" + Samples.MexicoUssr, storyUrls);
    }

    [Fact]
    public async Task PagesSitemap_ListsEveryDayAndListing()
    {
        var urlset = XDocument.Parse(await app.CreateReaderClient().GetStringAsync("/sitemaps/pages.xml", TestContext.Current.CancellationToken)).Root!;

        var locs = urlset.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value).ToList();
        Assert.Contains("https://almanac.test/", locs);
        Assert.Contains("https://almanac.test/day/february-29", locs);
        Assert.Equal(366, locs.Count(l => l.Contains("/day/", StringComparison.Ordinal)));
        Assert.Contains("https://almanac.test/topic/mexico", locs);
        Assert.Contains("https://almanac.test/topics", locs);
        Assert.Contains("https://almanac.test/kind/observance", locs);
    }

    [Theory]
    [InlineData("/sitemap.xml", "siteindex.xsd")]
    [InlineData("/sitemaps/pages.xml", "sitemap.xsd")]
    [InlineData("/sitemaps/stories-1.xml", "sitemap.xsd")]
    [InlineData("/sitemaps/stories-3.xml", "sitemap.xsd")]
    public async Task Sitemaps_AreValidAgainstTheProtocolSchema(string path, string schema)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, await app.CreateReaderClient().GetByteArrayAsync(path, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            var start = new System.Diagnostics.ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "--noout", "--schema", Path.Combine(AppContext.BaseDirectory, "Sitemaps", "Schemas", schema), file })
            {
                start.ArgumentList.Add(arg);
            }

            using var xmllint = System.Diagnostics.Process.Start(start)!;
            var errors = await xmllint.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await xmllint.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(xmllint.ExitCode == 0, errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("/sitemaps/stories-4.xml")]
    [InlineData("/sitemaps/stories-0.xml")]
    [InlineData("/sitemaps/stories-x.xml")]
    public async Task StorySitemap_PastTheEndIs404(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
