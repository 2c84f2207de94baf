using System.Diagnostics;
using System.Text.Json;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Validation;

/// <summary>
/// The Nu HTML Checker (vnu.jar from npm, run with Java) reports no errors on the main page types.
/// <c>test.sh</c> installs it into .tools/; VNU_JAR may point elsewhere.
/// </summary>
public class HtmlValidityTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task Pages_AreValidHtml()
    {
        string[] paths =
        [
            "/", "/day/august-4", "/day/february-29", "/on-this-day/1924-diplomatic-relations-established-between-mexico-and-the-ussr",
            "/on-this-day/44-bc-julius-caesar-is-assassinated-in-the-senate", "/year/1917", "/year/44-bc", "/kind/event",
            "/topic/mexico", "/category/politics-government", "/no-such-page",
            "/month/august", "/month/february", "/month", "/topics",
            "/embed/day", "/embed/day/03-15", "/embed/story/1924-diplomatic-relations-established-between-mexico-and-the-ussr",
            "/search?q=alvaro+obregon", "/search?q=caesar&from=last+year", "/search?q=zzqx",
        ];
        var folder = Directory.CreateTempSubdirectory("almanac-vnu-");
        try
        {
            var client = app.CreateReaderClient();
            var files = new List<string>();
            for (int i = 0; i < paths.Length; i++)
            {
                var html = await (await client.GetAsync(paths[i], TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var file = Path.Combine(folder.FullName, $"page{i}.html");
                await File.WriteAllTextAsync(file, html, TestContext.Current.CancellationToken);
                files.Add(file);
            }

            var errors = await RunCheckerAsync(files);

            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{paths[files.IndexOf(e.File)]}: {e.Message}")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static async Task<List<(string File, string Message)>> RunCheckerAsync(IEnumerable<string> files)
    {
        var jar = Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } configured ? configured : Path.Combine(RepoRoot(), ".tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} is missing: run ./test.sh, which installs vnu-jar from npm.");
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        using var report = JsonDocument.Parse(await stderr);
        return [.. report.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => (m.GetProperty("url").GetString()!.Replace("file:", "", StringComparison.Ordinal), $"{m.GetProperty("message").GetString()} (line {(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)})"))];
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Almanac.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Almanac.slnx not found above the test folder.");
    }
}
