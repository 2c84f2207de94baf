using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Almanac.Web.Tests.Calendar;

/// <summary>
/// A second, independent iCalendar parser: ical.js from npm, run by node over ics-to-json.mjs.
/// <c>test.sh</c> installs it into .tools/ and sets ICALJS_DIR; without the variable the package is
/// looked for in .tools/ above the test folder.
/// </summary>
public static class IcalJs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record JsCalendar(string? Name, string? Description, string? Prodid, string? RefreshInterval, string? PublishedTtl, List<JsEvent> Events);

    /// <summary>One event as ical.js reads it; <c>Occurrences</c> are its days in the years asked for ("2025-02-28").</summary>
    public sealed record JsEvent(string Uid, string Summary, string? Description, string? Url, string Dtstart, bool IsDate,
        string? Rrule, List<string> Categories, List<string> Occurrences);

    public static async Task<JsCalendar> ParseAsync(string ics, int fromYear = 2025, int toYear = 2028)
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Calendar", "ics-to-json.mjs"), PackageFolder(), $"{fromYear}", $"{toYear}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardInput.WriteAsync(ics.AsMemory(), ct);
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);

        Assert.True(process.ExitCode == 0, $"ical.js could not read the calendar: {await stderr}");
        return JsonSerializer.Deserialize<JsCalendar>(await stdout, Json)!;
    }

    private static string PackageFolder()
    {
        if (Environment.GetEnvironmentVariable("ICALJS_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "node_modules", "ical.js");
            if (File.Exists(Path.Combine(candidate, "dist", "ical.js")))
            {
                return candidate;
            }
        }

        Assert.Fail("ical.js is missing: run ./test.sh, which installs it from npm into .tools/ (or set ICALJS_DIR).");
        return "";
    }
}
