namespace Almanac.Cli.Tests.Commands;

public class CommandTests
{
    [Fact]
    public async Task DbMigrate_CreatesTheSchemaAndIsSafeToRepeat()
    {
        var db = AlmanacProcess.NewDatabase();

        var first = await AlmanacProcess.RunAsync("db", "migrate", "--connection", db);
        var second = await AlmanacProcess.RunAsync("db", "migrate", "--connection", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"Applied [1-9]\d* migration\(s\)", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Applied 0 migration(s)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_IsDeterministicAndAddsNothingTwice()
    {
        var db = AlmanacProcess.NewDatabase();

        var first = await AlmanacProcess.RunAsync("generate", "--stories", "120", "--seed", "7", "--connection", db);
        var again = await AlmanacProcess.RunAsync("generate", "--stories", "120", "--seed", "7", "--connection", db);
        var list = await AlmanacProcess.RunAsync("stories", "list", "--limit", "1000", "--connection", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Added 120 stories (seed 7)", first.Output, StringComparison.Ordinal);
        Assert.Contains("Added 0 stories (seed 7)", again.Output, StringComparison.Ordinal);
        Assert.Contains("120 stories", list.Output, StringComparison.Ordinal);

        var other = AlmanacProcess.NewDatabase();
        await AlmanacProcess.RunAsync("generate", "--stories", "120", "--seed", "7", "--connection", other);
        var otherList = await AlmanacProcess.RunAsync("stories", "list", "--limit", "1000", "--connection", other);
        Assert.Equal(list.Output, otherList.Output);
    }

    [Fact]
    public async Task StoriesList_ShowsTheStoriesOfOneDay()
    {
        var db = AlmanacProcess.NewDatabase();
        await AlmanacProcess.RunAsync("generate", "--stories", "800", "--seed", "3", "--connection", db);

        var (exitCode, output) = await AlmanacProcess.RunAsync("stories", "list", "--day", "08-04", "--connection", db);

        Assert.Equal(0, exitCode);
        var rows = output.Split('\n').Where(l => l.Contains('\t', StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("4 August ", r[0], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal("Published", r[3]));
    }

    [Fact]
    public async Task Reindex_RebuildsTheSearchIndexOfEveryStory()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = AlmanacProcess.NewDatabase();
        await AlmanacProcess.RunAsync("generate", "--stories", "150", "--seed", "5", "--connection", db);
        await using var connection = AlmanacProcess.OpenConnection(db);
        await connection.OpenAsync(ct);
        await using var count = connection.CreateCommand();
        count.CommandText = AlmanacProcess.IsPostgres
            ? "SELECT count(*) FROM \"StorySearch\" WHERE \"Document\" @@ to_tsquery('almanac', 'generated <-> text')"
            : "SELECT count(*) FROM StorySearch WHERE StorySearch MATCH '\"generated text\"'";
        Assert.Equal(150L, Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture));

        // An index emptied behind the site's back (SQL by hand, a restored backup) is rebuilt in full.
        await using var clear = connection.CreateCommand();
        clear.CommandText = AlmanacProcess.IsPostgres ? "DELETE FROM \"StorySearch\"" : "DELETE FROM StorySearch";
        await clear.ExecuteNonQueryAsync(ct);
        var (exitCode, output) = await AlmanacProcess.RunAsync("reindex", "--connection", db);

        Assert.Equal(0, exitCode);
        Assert.Contains("Indexed 150 stories for search.", output, StringComparison.Ordinal);
        Assert.Equal(150L, Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("stories", "list", "--day", "02-30")]
    [InlineData("generate", "--stories", "0")]
    [InlineData("nonsense")]
    public async Task BadInput_ExitsWithOneAndSaysWhy(params string[] args)
    {
        var (exitCode, output) = await AlmanacProcess.RunAsync([.. args, "--connection", AlmanacProcess.NewDatabase()]);

        Assert.Equal(1, exitCode);
        Assert.False(string.IsNullOrWhiteSpace(output));
    }
}
