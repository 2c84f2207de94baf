using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;

namespace Almanac.Web.Features.Compatibility;

/// <summary>
/// The "history" API of history.muffinlabs.com (<c>/date</c> and <c>/date/{m}/{d}</c>) in its own
/// shape, with JSONP for old pages that load it through a script tag. Outside <c>/api</c>, so its
/// errors are written as problem+json here rather than left to the HTML error page.
/// </summary>
public static partial class MuffinlabsHistoryApi
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string JsonpContentType = "application/javascript; charset=utf-8";

    /// <summary>Longest JSONP callback name accepted.</summary>
    public const int MaxCallbackLength = 64;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // Markup is encoded, letters are kept as they are.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapMuffinlabsHistory(this IEndpointRouteBuilder app)
    {
        var date = app.MapGroup("/date").AsPublicApi().WithTags("Compatibility");

        // "callback" changes the body, so it is part of the cache key (see Policy); no other query value is.
        date.MapMethods("", ["GET", "HEAD"], (HttpContext http, AlmanacDbContext db, SiteClock clock, SiteLinks links, CancellationToken ct) =>
            {
                // Today in the site's zone; on 28 February of a common year with the leap-day stories, as the day page lists them.
                var today = clock.TodayDay;
                return RespondAsync(http, db, clock, links, today, today.DaysListedIn(clock.Today.Year), ct);
            })
            .CacheOutput(b => Policy(b).VaryByValue(ctx => new("today", Clock(ctx).Today.ToString("O", CultureInfo.InvariantCulture))))
            .WithSummary("muffinlabs history: today's events, births and deaths");
        date.MapMethods("/{month}/{day}", ["GET", "HEAD"], (string month, string day,
                HttpContext http, AlmanacDbContext db, SiteClock clock, SiteLinks links, CancellationToken ct) =>
            CompatibilityDay.TryParse(month, day, out var calendarDay, out var error)
                ? RespondAsync(http, db, clock, links, calendarDay, [calendarDay], ct)
                : Task.FromResult(PublicApi.BadRequest(error)))
            .CacheOutput(b => Policy(b))
            .WithSummary("muffinlabs history: a calendar day's events, births and deaths");
        return app;
    }

    // VaryByQuery would file "?callback=" (refused) under the same key as no callback at all (served),
    // so the key says whether the parameter was given and every value it had.
    private static OutputCachePolicyBuilder Policy(OutputCachePolicyBuilder b) =>
        b.Expire(TimeSpan.FromHours(1))
            .VaryByValue(ctx => new("callback", ctx.Request.Query.TryGetValue("callback", out var values)
                ? "given:" + string.Join('\u0001', values.Select(v => v ?? ""))
                : "none"))
            .Tag(CacheTags.Pages);

    private static SiteClock Clock(HttpContext context) => context.RequestServices.GetRequiredService<SiteClock>();

    private static async Task<IResult> RespondAsync(HttpContext http, AlmanacDbContext db, SiteClock clock, SiteLinks links,
        CalendarDay day, IReadOnlyList<CalendarDay> days, CancellationToken ct)
    {
        string? callback = null;
        if (http.Request.Query.TryGetValue("callback", out var values))
        {
            callback = values.Count == 1 ? values[0] : null;
            if (!IsSafeCallback(callback))
            {
                return PublicApi.BadRequest(
                    $"The callback must be a JavaScript name such as \"showHistory\" or \"app.show\": letters, digits, _ and $, at most {MaxCallbackLength} characters.");
            }
        }

        var stories = await CompatibilityDay.LoadAsync(db, day, days, clock.UtcNow, ct);
        CacheTags.Add(http, [.. days.Select(CacheTags.Day), .. stories.Select(s => CacheTags.Story(s.Id))]);

        string Absolute(string path) => links.Absolute(http.Request, path);
        List<HistoryItem> Of(StoryKind kind) =>
            [.. stories.Where(s => s.Kind == kind).OrderBy(s => s.Year).ThenBy(s => s.Id).Select(s => Item(s, Absolute))];

        // Observances have no place in this shape (it knows only events, births and deaths).
        var history = new HistoryDay(
            new DateOnly(2000, day.Month, day.Day).ToString("MMMM d", CultureInfo.InvariantCulture),
            Absolute(SiteLinks.Day(day)),
            new HistoryData(Of(StoryKind.Event), Of(StoryKind.Birth), Of(StoryKind.Death)));

        var json = JsonSerializer.SerializeToUtf8Bytes(history, Json);
        DateTime? lastModified = stories.Count == 0 ? null : CompatibilityDay.AsUtc(stories.Max(s => s.UpdatedAtUtc));
        if (callback is null)
        {
            return ConditionalGet.Respond(http, json, JsonContentType, lastModified, TimeSpan.FromMinutes(5));
        }

        // "/**/" first: a body that begins with a comment cannot be sniffed as anything but script
        // (the defence against Rosetta Flash-style callbacks); the default JSON encoder already escapes
        // <, >, &, U+2028 and U+2029, so the JSON cannot close a script element or break the call.
        var script = Encoding.UTF8.GetBytes($"/**/{callback}(").Concat(json).Concat(");"u8.ToArray()).ToArray();
        return ConditionalGet.Respond(http, script, JsonpContentType, lastModified, TimeSpan.FromMinutes(5));
    }

    private static HistoryItem Item(DayStory s, Func<string, string> absolute)
    {
        var year = CompatibilityDay.PlainYear(s.Year);
        var storyUrl = absolute(SiteLinks.Story(s.Slug));
        var yearUrl = absolute(SiteLinks.Year(s.Year));
        var linkedStory = $"<a href=\"{Html.Encode(storyUrl)}\" title=\"{Html.Encode(s.Title)}\">{Html.Encode(s.Title)}</a>";
        return new HistoryItem(
            year,
            s.Title,
            $"<a href=\"{Html.Encode(yearUrl)}\" title=\"{Html.Encode(year)}\">{Html.Encode(year)}</a> - {linkedStory}",
            linkedStory,
            [new HistoryLink(s.Title, storyUrl)]);
    }

    /// <summary>
    /// A JavaScript name or dotted path ("cb", "jQuery36_17", "app.history.show") and nothing else:
    /// no brackets, quotes, spaces or parentheses that could turn the callback into code.
    /// </summary>
    public static bool IsSafeCallback(string? callback) =>
        !string.IsNullOrEmpty(callback) && callback.Length <= MaxCallbackLength && CallbackName().IsMatch(callback);

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CallbackName();

    internal sealed record HistoryDay(string Date, string Url, HistoryData Data);

    internal sealed record HistoryData(
        [property: JsonPropertyName("Events")] List<HistoryItem> Events,
        [property: JsonPropertyName("Births")] List<HistoryItem> Births,
        [property: JsonPropertyName("Deaths")] List<HistoryItem> Deaths);

    internal sealed record HistoryItem(string Year, string Text, string Html, string NoYearHtml, List<HistoryLink> Links);

    internal sealed record HistoryLink(string Title, string Link);
}
