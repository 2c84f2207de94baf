using Ganss.Xss;
using Markdig;

namespace Almanac.Core.Stories;

/// <summary>
/// Markdown to safe HTML. Markdig runs with raw HTML disabled, but it still emits links with any
/// scheme, so its output always goes through the sanitizer, which keeps only http(s), mailto and
/// relative links. The same renderer serves published pages and the editor's preview.
/// </summary>
public static class StoryMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseFootnotes()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) =>
        Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>The first characters of the body as plain text, for descriptions where no summary exists.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }
}
