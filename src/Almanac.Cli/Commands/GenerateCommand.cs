using System.ComponentModel;
using Almanac.Core.Data;
using Almanac.Core.Importing.JsonLines;
using Almanac.Core.Sample;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Almanac.Cli.Commands;

/// <summary>
/// Fills a database with synthetic stories. Deterministic for a seed, and resumable: stories are
/// numbered and a re-run skips the numbers already stored, so nothing is duplicated.
/// </summary>
public sealed class GenerateCommand : AsyncCommand<GenerateCommand.Settings>
{
    private const int BatchSize = 2000;

    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--stories <N>")]
        [Description("How many stories to generate.")]
        public int Stories { get; init; } = 1000;

        [CommandOption("--seed <S>")]
        [Description("Seed; the same seed gives the same stories.")]
        public int Seed { get; init; } = 1;

        [CommandOption("--jsonl <PATH>")]
        [Description("Write the stories to a JSON Lines file (for `import jsonl`) instead of the database.")]
        public string? JsonLines { get; init; }

        public override ValidationResult Validate() =>
            Stories is < 1 or > 5_000_000 ? ValidationResult.Error("--stories must be between 1 and 5,000,000.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var generator = new StoryGenerator(settings.Seed);
        if (settings.JsonLines is { } path)
        {
            return await WriteJsonLinesAsync(path, generator, settings, now, cancellationToken);
        }

        await using var services = settings.BuildServices();
        var prefix = $"g{settings.Seed}-";

        await using (var setup = services.CreateAsyncScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<AlmanacDbContext>();
            await AlmanacDatabase.MigrateAsync(db, cancellationToken);
            await EnsureTagsAsync(db, generator, cancellationToken);
        }

        int added = 0;
        await Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask("Generating stories", maxValue: settings.Stories);
            for (int start = 1; start <= settings.Stories; start += BatchSize)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                using var ranking = RelatedStoriesRefresh.Suspend(db);
                var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
                var topics = await db.Topics.Where(t => t.Slug.StartsWith("generated-topic-")).ToDictionaryAsync(t => t.Slug, cancellationToken);
                int end = Math.Min(settings.Stories, start + BatchSize - 1);
                // Draw every story even when it exists, so the random sequence (and so the data) is the same on resume.
                var batch = Enumerable.Range(start, end - start + 1).Select(n => generator.Next(n, now)).ToList();
                var slugs = batch.Select(s => s.Slug).ToList();
                var existing = (await db.Stories.Where(s => slugs.Contains(s.Slug)).Select(s => s.Slug).ToListAsync(cancellationToken)).ToHashSet();
                foreach (var story in batch.Where(s => !existing.Contains(s.Slug)))
                {
                    story.Categories = [.. story.Categories.Select(c => categories[c.Slug])];
                    story.Topics = [.. story.Topics.Select(t => topics[t.Slug])];
                    db.Stories.Add(story);
                    added++;
                }

                await db.SaveChangesAsync(cancellationToken);
                task.Value = end;
            }
        });

        await using (var scope = services.CreateAsyncScope())
        {
            AnsiConsole.WriteLine("Ranking related stories…");
            await RelatedStories.RecomputeAllAsync(scope.ServiceProvider.GetRequiredService<AlmanacDbContext>(), cancellationToken);
        }

        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Added {added} stories (seed {settings.Seed}).");
        return ExitCodes.Ok;
    }

    // Streams straight to the file, one story at a time, so a million stories take no more memory than ten.
    private static async Task<int> WriteJsonLinesAsync(string path, StoryGenerator generator, Settings settings, DateTime now, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16);
        await JsonLinesExporter.WriteAsync(writer, new HeaderLine(JsonLinesFormat.Version, now), ct);
        for (int n = 1; n <= settings.Stories; n++)
        {
            await JsonLinesExporter.WriteAsync(writer, JsonLinesExporter.Story(generator.Next(n, now)), ct);
        }

        AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"Wrote {settings.Stories} stories (seed {settings.Seed}) to {path}.");
        return ExitCodes.Ok;
    }

    private static async Task EnsureTagsAsync(AlmanacDbContext db, StoryGenerator generator, CancellationToken ct)
    {
        var categorySlugs = (await db.Categories.Select(c => c.Slug).ToListAsync(ct)).ToHashSet();
        db.Categories.AddRange(generator.Categories.Where(c => !categorySlugs.Contains(c.Slug)));
        var topicSlugs = (await db.Topics.Where(t => t.Slug.StartsWith("generated-topic-")).Select(t => t.Slug).ToListAsync(ct)).ToHashSet();
        db.Topics.AddRange(generator.Topics.Where(t => !topicSlugs.Contains(t.Slug)));
        await db.SaveChangesAsync(ct);
    }

    // Progress bars on a terminal; plain lines when output is redirected (CI, scripts).
    private static Progress Progress() =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn());
}
