using Almanac.Core.Data;
using Almanac.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands;

/// <summary>
/// Rebuilds the search index from the stories. Saves keep it current on their own; this is for
/// bulk changes made outside EF (ExecuteUpdate, SQL by hand) and after restoring a backup.
/// </summary>
public sealed class ReindexCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var services = settings.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        await AlmanacDatabase.MigrateAsync(db, cancellationToken);
        int count = await scope.ServiceProvider.GetRequiredService<IStorySearch>().RebuildAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Indexed {count} stor{(count == 1 ? "y" : "ies")} for search.");
        return ExitCodes.Ok;
    }
}
