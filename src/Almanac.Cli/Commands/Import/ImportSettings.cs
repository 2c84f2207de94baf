using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands.Import;

/// <summary>What every importer takes: the file and the safety switches (docs/import.md).</summary>
public class ImportSettings : DatabaseSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("The file to import.")]
    public string Path { get; init; } = "";

    [CommandOption("--dry-run")]
    [Description("Report what would be created, updated and skipped; write nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--update")]
    [Description("Overwrite records imported before when the file changed them (otherwise nothing existing is touched).")]
    public bool Update { get; init; }

    [CommandOption("--strict")]
    [Description("Stop at the first bad record (exit code 1) instead of reporting and skipping it.")]
    public bool Strict { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Records per transaction; each batch lands whole or not at all.")]
    [DefaultValue(500)]
    public int BatchSize { get; init; } = 500;

    [CommandOption("--no-related")]
    [Description("Do not rank related stories at the end (for very large loads; `generate` or a later import ranks them).")]
    public bool NoRelated { get; init; }

    /// <summary>The services an import runs with: the database, and whatever a format adds (a media store).</summary>
    public virtual Microsoft.Extensions.DependencyInjection.ServiceProvider BuildImportServices() => BuildServices();

    public override ValidationResult Validate() =>
        !File.Exists(Path) ? ValidationResult.Error($"There is no file \"{Path}\".")
        : BatchSize is < 1 or > 100_000 ? ValidationResult.Error("--batch-size must be between 1 and 100,000.")
        : ValidationResult.Success();
}
