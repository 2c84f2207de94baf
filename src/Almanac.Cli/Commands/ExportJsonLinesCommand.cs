using System.ComponentModel;
using System.Text;
using Almanac.Core.Data;
using Almanac.Core.Importing.JsonLines;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands;

/// <summary>Writes the whole site as JSON Lines (docs/import.md), for <c>almanac import jsonl</c>.</summary>
public sealed class ExportJsonLinesCommand : AsyncCommand<ExportJsonLinesCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("The file to write (replaced if it exists).")]
        public string Path { get; init; } = "";

        public override ValidationResult Validate() =>
            System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } folder && !Directory.Exists(folder)
                ? ValidationResult.Error($"There is no folder \"{folder}\".")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = settings.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        await AlmanacDatabase.MigrateAsync(db, cancellationToken);
        // Written beside the target and moved into place, so a failed export never leaves half a file under its name.
        var partial = settings.Path + ".partial";
        int count;
        await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            count = await JsonLinesExporter.ExportAsync(db, writer, DateTime.UtcNow, ct: cancellationToken);
        }

        File.Move(partial, settings.Path, overwrite: true);
        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Exported {count} stor{(count == 1 ? "y" : "ies")} to {settings.Path}.");
        return ExitCodes.Ok;
    }
}
