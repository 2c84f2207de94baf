using Almanac.Core.Stories;

namespace Almanac.Core.Tests.Stories;

public class StoryMarkdownTests
{
    [Fact]
    public void ToHtml_RendersMarkdown()
    {
        var html = StoryMarkdown.ToHtml("Mexico *and* the **USSR**.\n\n[Read more](https://en.wikipedia.org/wiki/Mexico)");

        Assert.Contains("<em>and</em>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>USSR</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://en.wikipedia.org/wiki/Mexico\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](javascript&colon;alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[a](vbscript:msgbox(1))")]
    public void ToHtml_LeavesNothingExecutable(string markdown)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(StoryMarkdown.ToHtml(markdown));

        Assert.Empty(document.QuerySelectorAll("script, svg, iframe, object, embed, style, form"));
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var url in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>())
            {
                Assert.True(url.StartsWith("https:", StringComparison.Ordinal) || url.StartsWith("http:", StringComparison.Ordinal)
                    || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith('/') || !url.Contains(':', StringComparison.Ordinal),
                    $"unsafe URL survived: {url}");
            }
        }
    }

    [Theory]
    [InlineData("[ok](https://example.org)", "href=\"https://example.org\"")]
    [InlineData("[ok](mailto:editor@example.org)", "href=\"mailto:editor@example.org\"")]
    [InlineData("[ok](/day/august-4)", "href=\"/day/august-4\"")]
    public void ToHtml_KeepsSafeLinks(string markdown, string expected) =>
        Assert.Contains(expected, StoryMarkdown.ToHtml(markdown), StringComparison.Ordinal);

    [Fact]
    public void ToHtml_IsIdempotentOnItsOwnOutput()
    {
        var once = StoryMarkdown.ToHtml("Text with [a link](https://example.org) and *emphasis*.");
        var sanitizer = new Ganss.Xss.HtmlSanitizer();

        Assert.Equal(once, sanitizer.Sanitize(once));
    }
}
