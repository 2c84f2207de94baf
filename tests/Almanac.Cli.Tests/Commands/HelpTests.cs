namespace Almanac.Cli.Tests.Commands;

public class HelpTests
{
    [Theory]
    [InlineData("import wxr", "--uploads")]
    [InlineData("import csv", "--dry-run")]
    [InlineData("import jsonl", "--update")]
    [InlineData("import bsd-calendar", "--root")]
    [InlineData("import wikimedia", "--day")]
    [InlineData("export jsonl", "<PATH>")]
    [InlineData("backup", "<PATH>")]
    [InlineData("restore", "--force")]
    [InlineData("generate", "--jsonl")]
    [InlineData("db migrate", "--connection")]
    [InlineData("reindex", "--connection")]
    public async Task EveryCommand_ExplainsItselfWithHelp(string command, string option)
    {
        var (exitCode, output) = await AlmanacProcess.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import", "csv", "/nonexistent/stories.csv")]
    [InlineData("import", "wxr", "/nonexistent/export.xml")]
    [InlineData("restore", "/nonexistent/backup.db")]
    [InlineData("import", "jsonl")]
    public async Task MissingFiles_AreBadInput(params string[] args)
    {
        var (exitCode, output) = await AlmanacProcess.RunAsync([.. args, "--connection", AlmanacProcess.NewDatabase()]);

        Assert.Equal(1, exitCode);
        Assert.False(string.IsNullOrWhiteSpace(output));
    }

    [Fact]
    public async Task AnImportOfAFileInTheWrongFormat_IsBadInput()
    {
        var file = SiteDatabase.TempFile("not.wxr");
        await File.WriteAllTextAsync(file, "this is not XML", TestContext.Current.CancellationToken);

        var (exitCode, output) = await AlmanacProcess.RunAsync("import", "wxr", file, "--connection", AlmanacProcess.NewDatabase());

        Assert.Equal(1, exitCode);
        Assert.Contains("not well-formed XML", output, StringComparison.Ordinal);
    }
}
