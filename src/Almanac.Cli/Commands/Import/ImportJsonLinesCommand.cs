using Almanac.Core.Importing;
using Almanac.Core.Importing.JsonLines;

namespace Almanac.Cli.Commands.Import;

public sealed class ImportJsonLinesCommand : ImportCommand<ImportSettings>
{
    protected override IImportReader CreateReader(ImportSettings settings) => new JsonLinesReader(settings.Path);
}
