using System.ComponentModel;
using Almanac.Core.Data;
using Almanac.Core.Importing;
using Almanac.Core.Importing.Wxr;
using Almanac.Core.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands.Import;

public sealed class ImportWxrCommand : ImportCommand<ImportWxrCommand.Settings>
{
    public sealed class Settings : ImportSettings
    {
        [CommandOption("--uploads <DIR>")]
        [Description("The site's wp-content/uploads folder: attachments found there are processed into the media library (variants in the configured store).")]
        public string? Uploads { get; init; }

        [CommandOption("--pages")]
        [Description("Import pages as stories too (skipped by default).")]
        public bool Pages { get; init; }

        /// <summary>With an uploads folder, the media store the site is configured with (<c>Media:Store</c>, <c>Media:Path</c>).</summary>
        public override ServiceProvider BuildImportServices()
        {
            var services = AddDatabase(new ServiceCollection());
            if (Uploads is not null)
            {
                var media = ReadConfiguration().GetSection(MediaOptions.Section).Get<MediaOptions>() ?? new MediaOptions();
                services.AddSingleton(Options.Create(media));
                if (media.Store == MediaStoreKind.FileSystem)
                {
                    services.AddSingleton<IMediaStore>(new FileSystemMediaStore(media.Path));
                }
                else
                {
                    services.AddScoped<IMediaStore>(sp => new DatabaseMediaStore(sp.GetRequiredService<AlmanacDbContext>(), TimeProvider.System));
                }
            }

            return services.BuildServiceProvider();
        }

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

        if (wxr.MissingUploads.Count > 0)
        {
            yield return $"Attachments whose file is not in the uploads folder ({wxr.MissingUploads.Count}), recorded without their picture:";
            foreach (var missing in wxr.MissingUploads)
            {
                yield return "  " + missing;
            }
        }

        if (wxr.CommentsTrashed + wxr.PingbacksKept > 0)
        {
            yield return $"Comments in WordPress's trash, not imported: {wxr.CommentsTrashed}. Pingbacks and trackbacks kept on their import records only: {wxr.PingbacksKept}.";
        }

        if (report.UsersCreated > 0)
        {
            yield return $"{report.UsersCreated} author account{(report.UsersCreated == 1 ? " was" : "s were")} made without a password (role contributor): give each a link with `almanac user reset-password <name>`.";
        }

        if (wxr.Uploads is null)
        {
            // Without the files only the reference, size, alt text and credit are recorded.
            yield return "Images are recorded as references (key, alt text, credit) without their pictures; give --uploads to bring the files in.";
        }
    }
}
