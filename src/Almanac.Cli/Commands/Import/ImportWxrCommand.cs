using System.ComponentModel;
using Almanac.Core.Importing;
using Almanac.Core.Importing.Wxr;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands.Import;

public sealed class ImportWxrCommand : ImportCommand<ImportWxrCommand.Settings>
{
    public sealed class Settings : ImportSettings
    {
        [CommandOption("--uploads <DIR>")]
        [Description("The site's wp-content/uploads folder: featured images are looked up there (size and type).")]
        public string? Uploads { get; init; }

        [CommandOption("--pages")]
        [Description("Import pages as stories too (skipped by default).")]
        public bool Pages { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            Uploads is not null && !Directory.Exists(Uploads)
                ? Spectre.Console.ValidationResult.Error($"There is no folder \"{Uploads}\".")
                : base.Validate();
    }

    protected override IImportReader CreateReader(Settings settings) => new WxrReader(settings.Path, settings.Uploads, settings.Pages);

    protected override IEnumerable<string> Afterword(IImportReader reader, ImportReport report)
    {
        var wxr = (WxrReader)reader;
        if (wxr.UndatedPosts.Count > 0)
        {
            yield return $"Posts whose date could not be read ({wxr.UndatedPosts.Count}), not imported:";
            foreach (var post in wxr.UndatedPosts)
            {
                yield return "  " + post;
            }
        }

        if (wxr.YearOnlyPosts.Count > 0)
        {
            yield return $"Posts whose day could not be read ({wxr.YearOnlyPosts.Count}), imported with the year only:";
            foreach (var post in wxr.YearOnlyPosts)
            {
                yield return "  " + post;
            }
        }

        if (wxr.CommentsKept > 0)
        {
            yield return $"{wxr.CommentsKept} comments read and kept on their import records (Almanac has no comments yet; nothing of them is shown).";
        }

        // There is no media store yet: the image's reference, size, alt text and credit are recorded, its bytes are not copied.
        yield return "Images are recorded as references (key, size, alt text, credit); their files are not copied, as the site has no media store yet.";
    }
}
