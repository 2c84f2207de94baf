using System.ComponentModel;
using Almanac.Core.Calendar;
using Almanac.Core.Importing;
using Almanac.Core.Importing.BsdCalendar;
using Almanac.Core.Importing.Csv;
using Almanac.Core.Importing.Wikimedia;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands.Import;

public sealed class ImportCsvCommand : ImportCommand<ImportSettings>
{
    protected override IImportReader CreateReader(ImportSettings settings) => new CsvStoryReader(settings.Path);
}

public sealed class ImportBsdCalendarCommand : ImportCommand<ImportBsdCalendarCommand.Settings>
{
    public sealed class Settings : ImportSettings
    {
        [CommandOption("--root <DIR>")]
        [Description("Folder that #include may read from (default: the file's own folder).")]
        public string? Root { get; init; }

        public override ValidationResult Validate() =>
            Root is not null && !Directory.Exists(Root) ? ValidationResult.Error($"There is no folder \"{Root}\".") : base.Validate();
    }

    protected override IImportReader CreateReader(Settings settings) => new BsdCalendarReader(settings.Path, settings.Root);
}

public sealed class ImportWikimediaCommand : ImportCommand<ImportWikimediaCommand.Settings>
{
    public sealed class Settings : ImportSettings
    {
        [CommandOption("--day <DAY>")]
        [Description("The calendar day of the feed (08-04 or august-4); read from the file name (08-04.json) when left out.")]
        public string? Day { get; init; }

        public override ValidationResult Validate() =>
            Day is not null && !CalendarDay.TryParse(Day, out _, out _)
                ? ValidationResult.Error($"\"{Day}\" is not a calendar day; write it as 08-04 or august-4.")
                : base.Validate();
    }

    protected override IImportReader CreateReader(Settings settings) =>
        new WikimediaReader(settings.Path, settings.Day is not null && CalendarDay.TryParse(settings.Day, out var day, out _) ? day : null);
}
