using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web.Features.MostRead;

/// <summary>Who is not a reader: robots by their user agent, and prefetches that nobody has opened yet.</summary>
public static partial class ReaderFilter
{
    public static bool IsLikelyReader(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        if (agent.Length < 10 || RobotAgent().IsMatch(agent))
        {
            return false;
        }

        // Browsers mark speculative loads; the page was not seen (yet).
        var purpose = request.Headers["Sec-Purpose"].ToString() + request.Headers["Purpose"].ToString();
        return !purpose.Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            && !request.Headers.ContainsKey(HeaderNames.XRequestedWith);
    }

    // Crawlers, link previewers, monitors, headless browsers and HTTP libraries name themselves.
    [GeneratedRegex(@"bot|crawl|spider|slurp|archiver|headless|phantom|selenium|puppeteer|playwright|lighthouse|curl|wget|python|httpie|okhttp|java/|go-http|libwww|perl|ruby|node-fetch|axios|undici|scrapy|feed|preview|monitor|uptime|pingdom|facebookexternalhit|embedly|whatsapp|telegram|discord|slack|http[-_ ]?client|dotnet|powershell", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex RobotAgent();
}
