using Almanac.Cli.Commands;
using Almanac.Cli.Commands.Import;
using Spectre.Console.Cli;

// `almanac <noun> <verb>`: the operator's tool, sharing Almanac.Core with the site.
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("almanac");
    config.PropagateExceptions();
    config.AddBranch("db", db =>
    {
        db.SetDescription("Database schema.");
        db.AddCommand<MigrateCommand>("migrate").WithDescription("Apply pending migrations (creates the database when missing).");
    });
    config.AddBranch("stories", stories =>
    {
        stories.SetDescription("Stories.");
        stories.AddCommand<ListStoriesCommand>("list").WithDescription("List stories, e.g. of one calendar day.").WithExample("stories", "list", "--day", "08-04");
    });
    config.AddBranch("user", user =>
    {
        user.SetDescription("Newsroom accounts.");
        user.AddCommand<UserAddCommand>("add").WithDescription("Create an account; prints a link to choose its password.").WithExample("user", "add", "ada", "--email", "ada@example.org", "--role", "admin");
        user.AddCommand<UserListCommand>("list").WithDescription("List the accounts with their role and state.");
        user.AddCommand<UserResetPasswordCommand>("reset-password").WithDescription("Print a new password link (or set one from stdin) and lift a lockout.");
    });
    config.AddBranch("import", import =>
    {
        import.SetDescription("Bring stories in from a file; safe to repeat (docs/import.md).");
        import.AddCommand<ImportWxrCommand>("wxr").WithDescription("A WordPress export (WXR 1.1/1.2): posts, terms, featured images, comments, old links.").WithExample("import", "wxr", "export.xml", "--uploads", "wp-content/uploads");
        import.AddCommand<ImportCsvCommand>("csv").WithDescription("A spreadsheet with a header row: date, title, kind, summary, body, categories, topics, sources …");
        import.AddCommand<ImportBsdCalendarCommand>("bsd-calendar").WithDescription("A calendar(1) file as in Debian's calendar package (MM/DD<TAB>text, #include, LANG=).");
        import.AddCommand<ImportWikimediaCommand>("wikimedia").WithDescription("One day of Wikimedia's onthisday feed (JSON).").WithExample("import", "wikimedia", "08-04.json");
        import.AddCommand<ImportJsonLinesCommand>("jsonl").WithDescription("Almanac's own JSON Lines export.").WithExample("import", "jsonl", "site.jsonl", "--dry-run");
    });
    config.AddBranch("export", export =>
    {
        export.SetDescription("Write the site to a file.");
        export.AddCommand<ExportJsonLinesCommand>("jsonl").WithDescription("Everything, as JSON Lines (the round-trip format).").WithExample("export", "jsonl", "site.jsonl");
    });
    config.AddCommand<BackupCommand>("backup").WithDescription("A consistent snapshot of the running site (SQLite backup API, or pg_dump).").WithExample("backup", "almanac-backup.db");
    config.AddCommand<RestoreCommand>("restore").WithDescription("Put a backup back; refuses a site with stories unless --force.").WithExample("restore", "almanac-backup.db");
    config.AddCommand<ReindexCommand>("reindex").WithDescription("Rebuild the search index from the stories.");
    config.AddCommand<GenerateCommand>("generate").WithDescription("Add deterministic synthetic stories (for benchmarks).").WithExample("generate", "--stories", "100000", "--seed", "1");
});

try
{
    return await app.RunAsync(args);
}
catch (CommandAppException e)
{
    Spectre.Console.AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]{e.Message}[/]");
    return ExitCodes.BadInput;
}
