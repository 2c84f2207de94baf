namespace Almanac.Cli.Tests.Commands;

public class UserCommandTests
{
    [Fact]
    public async Task UserAdd_CreatesAnAccountAndPrintsAOneTimePasswordLink()
    {
        var db = AlmanacProcess.NewDatabase();

        var added = await AlmanacProcess.RunAsync("user", "add", "ada", "--email", "ada@almanac.test", "--role", "admin", "--name", "Ada L.", "--base-url", "https://almanac.example", "--connection", db);
        var list = await AlmanacProcess.RunAsync("user", "list", "--connection", db);

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Created ada (admin).", added.Output, StringComparison.Ordinal);
        Assert.Matches(@"https://almanac\.example/account/set-password\?user=[^&\s]+&token=\S+", added.Output);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"ada\s.*ada@almanac\.test.*admin.*invited", list.Output);
        Assert.Contains("1 user.", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdd_TakesAPasswordFromStandardInputAndEnforcesTheRules()
    {
        var db = AlmanacProcess.NewDatabase();

        var weak = await AlmanacProcess.RunWithInputAsync("short", "user", "add", "bob", "--email", "bob@almanac.test", "--password-stdin", "--connection", db);
        var strong = await AlmanacProcess.RunWithInputAsync("a long enough passphrase for bob", "user", "add", "bob", "--email", "bob@almanac.test", "--role", "editor", "--password-stdin", "--connection", db);
        var list = await AlmanacProcess.RunAsync("user", "list", "--connection", db);

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("at least 12 characters", weak.Output, StringComparison.Ordinal);
        Assert.Equal(0, strong.ExitCode);
        Assert.DoesNotContain("set-password", strong.Output, StringComparison.Ordinal);
        Assert.Matches(@"bob\s.*editor.*active", list.Output);
    }

    [Theory]
    [InlineData("--role", "owner")]
    [InlineData("--email", "")]
    public async Task UserAdd_RefusesBadInputWithExitCodeOne(string option, string value)
    {
        var db = AlmanacProcess.NewDatabase();
        string[] args = option == "--email"
            ? ["user", "add", "carol", "--connection", db]
            : ["user", "add", "carol", "--email", "carol@almanac.test", option, value, "--connection", db];

        var result = await AlmanacProcess.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task UserAdd_RefusesADuplicateName()
    {
        var db = AlmanacProcess.NewDatabase();
        await AlmanacProcess.RunAsync("user", "add", "dora", "--email", "dora@almanac.test", "--connection", db);

        var again = await AlmanacProcess.RunAsync("user", "add", "dora", "--email", "other@almanac.test", "--connection", db);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is already taken", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserResetPassword_PrintsALinkForKnownUsersOnly()
    {
        var db = AlmanacProcess.NewDatabase();
        await AlmanacProcess.RunAsync("user", "add", "erin", "--email", "erin@almanac.test", "--connection", db);

        var known = await AlmanacProcess.RunAsync("user", "reset-password", "erin", "--connection", db);
        var unknown = await AlmanacProcess.RunAsync("user", "reset-password", "nobody", "--connection", db);

        Assert.Equal(0, known.ExitCode);
        Assert.Contains("/account/set-password?user=", known.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no user \"nobody\".", unknown.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("list")]
    [InlineData("reset-password")]
    public async Task UserCommands_HaveHelp(string verb)
    {
        var help = await AlmanacProcess.RunAsync("user", verb, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--connection", help.Output, StringComparison.Ordinal);
    }
}
