using System.ComponentModel;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands;

public sealed class ListStoriesCommand : AsyncCommand<ListStoriesCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--day <DAY>")]
        [Description("Calendar day: 08-04 or august-4.")]
        public string? Day { get; init; }

        [CommandOption("--limit <N>")]
        [DefaultValue(100)]
        public int Limit { get; init; } = 100;

        public override ValidationResult Validate() =>
            Day is not null && !CalendarDay.TryParse(Day, out _, out _)
                ? ValidationResult.Error($"\"{Day}\" is not a calendar day; write it as 08-04 or august-4.")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = settings.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        var stories = db.Stories.AsNoTracking();
        if (settings.Day is not null && CalendarDay.TryParse(settings.Day, out var day, out _))
        {
            stories = stories.On(day);
        }

        var cards = await stories.Chronologically().Take(settings.Limit)
            .Select(s => new { Card = new StoryCard(s.Id, s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa, s.PlacementMonth, s.PlacementDay, s.Summary), s.Status })
            .ToListAsync(cancellationToken);
        if (Console.IsOutputRedirected)
        {
            // Scripts get one tab-separated line per story instead of a table drawn for a terminal.
            foreach (var c in cards)
            {
                Console.WriteLine(string.Join('\t', c.Card.Date.ToString(), c.Card.Kind.Slug(), c.Card.Headline, c.Status.ToString(), c.Card.Slug));
            }
        }
        else
        {
            var table = new Table().AddColumns("Date", "Kind", "Story", "Status", "Slug");
            foreach (var c in cards)
            {
                table.AddRow(Markup.Escape(c.Card.Date.ToString()), c.Card.Kind.Slug(), Markup.Escape(c.Card.Headline), c.Status.ToString(), Markup.Escape(c.Card.Slug));
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"{cards.Count} stor{(cards.Count == 1 ? "y" : "ies")}");
        return ExitCodes.Ok;
    }
}
