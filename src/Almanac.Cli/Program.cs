using Almanac.Cli.Commands;
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
