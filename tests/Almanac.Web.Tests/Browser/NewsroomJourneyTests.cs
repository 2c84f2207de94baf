using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Core.Accounts;
using Almanac.Core.Tests.Media;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Almanac.Web.Tests.Browser;

/// <summary>
/// An editor, in Chromium, writes a story with a photo and schedules it; when the (fake) clock passes its
/// time, the scheduler publishes it and readers find it on its day page with the photo and its credit.
/// </summary>
[Collection(nameof(BrowserGroup))]
public sealed partial class NewsroomJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => new(app.StartAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Editor_WritesAStoryWithAPhoto_SchedulesIt_AndItAppearsOnItsDayPageWhenTheClockPasses()
    {
        var user = await app.CreateUserAsync(Roles.Editor);
        await using var context = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/account/sign-in");
        await page.FillAsync("#Login", user.UserName!);
        await page.FillAsync("#Password", SignIn.Password);
        await page.ClickAsync("form.sign-in button[type=submit]");
        await page.WaitForURLAsync("**/admin");

        // The photo, through the media library's upload form.
        await page.GotoAsync(app.BaseUrl + "/admin/media/upload");
        await page.SetInputFilesAsync("#Image", new FilePayload { Name = "ice.png", MimeType = "image/png", Buffer = TestImages.Png(1200, 800) });
        await page.FillAsync("#AltText", "Pack ice off the coast at dawn");
        await page.FillAsync("#CreditText", "Polar Photo Archive");
        await page.ClickAsync("form.media-upload button[type=submit]");
        await page.WaitForURLAsync(new Regex("/admin/media\\?uploaded=[0-9]+$"));
        int imageId = int.Parse(UploadedId().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        // The story, with the photo picked from the library.
        await page.GotoAsync(app.BaseUrl + "/admin/stories/new");
        await page.FillAsync("#story-title", "Icebreaker reaches the pole");
        await page.SelectOptionAsync("#story-kind", "event");
        await page.FillAsync("#story-date", "12 January 1957");
        await page.FillAsync("#story-summary", "A ship forces its way through the pack ice.");
        await page.FillAsync("#story-body", "The ship *finally* broke through.");
        await Assertions.Expect(page.Locator("#story-preview em")).ToHaveTextAsync("finally");
        await Assertions.Expect(page.Locator($"li.image-choice[data-id='{imageId}']")).ToContainTextAsync("Polar Photo Archive");
        await page.CheckAsync($"#image-{imageId}");
        await page.FillAsync("#source-0-title", "Ship's log");
        // Half an hour from now on the site's clock, typed in the site's time zone (UTC here).
        var publishAt = app.Time.GetUtcNow().UtcDateTime.AddMinutes(30);
        await page.FillAsync("#story-publish-at", publishAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.ClickAsync("button[value=schedule]");
        await page.WaitForURLAsync(new Regex("/admin/stories/[0-9]+$"));
        await Assertions.Expect(page.Locator(".story-status strong")).ToHaveTextAsync("Scheduled");
        string slug = await page.InputValueAsync("#story-slug");
        Assert.StartsWith("1957-", slug, StringComparison.Ordinal);
        string editorUrl = page.Url;

        // Not on the site before its time. A reader's visit puts the day page in the server's output cache.
        await using (var earlyReader = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" }))
        {
            var early = await earlyReader.NewPageAsync();
            await early.GotoAsync(app.BaseUrl + "/day/january-12");
            await Assertions.Expect(early.Locator("main")).ToContainTextAsync("12 January");
            await Assertions.Expect(early.GetByText("Icebreaker reaches the pole")).ToHaveCountAsync(0);
            var hidden = await early.GotoAsync(app.BaseUrl + "/on-this-day/" + slug);
            Assert.Equal(404, hidden!.Status);
        }

        // The clock passes the publication time: the scheduler's next tick publishes the story and
        // evicts the cached day page, which then shows it (a cache-less client asks until it does).
        app.Time.Advance(TimeSpan.FromMinutes(31));
        await WaitUntilShownAsync("/day/january-12", "Icebreaker reaches the pole");

        // A new reader (browsers keep public pages for a few minutes, as their Cache-Control allows).
        await using var readerContext = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" });
        page = await readerContext.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/day/january-12");
        var featured = page.Locator("article.featured");

        // Readers see it as the story of its day, with the photo; the story page gives the credit.
        await Assertions.Expect(featured.Locator("h2")).ToHaveTextAsync("1957: Icebreaker reaches the pole");
        await Assertions.Expect(featured.Locator("img")).ToHaveAttributeAsync("src", new Regex($"/media/{imageId}/"));
        await featured.Locator("h2 a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Icebreaker reaches the pole");
        var figure = page.Locator("figure.story-figure");
        await Assertions.Expect(figure.Locator("img")).ToHaveAttributeAsync("alt", "Pack ice off the coast at dawn");
        await Assertions.Expect(figure.Locator("figcaption.credit")).ToContainTextAsync("Polar Photo Archive");

        // The editor reads the day page, corrects the title and reads the correction at once: browsers
        // keep public pages for a few minutes, but not the ones they were sent for a signed-in user.
        // (The editor page comes first: after the clock's jump, the first request renews the sign-in
        // cookie, and a response that sets it is never kept.)
        var desk = await context.NewPageAsync();
        await desk.GotoAsync(editorUrl);
        await desk.GotoAsync(app.BaseUrl + "/day/january-12");
        await Assertions.Expect(desk.Locator("article.featured h2")).ToHaveTextAsync("1957: Icebreaker reaches the pole");
        await desk.GotoAsync(editorUrl);
        await desk.FillAsync("#story-title", "Icebreaker reaches the South Pole");
        await desk.ClickAsync("button[value=save]");
        await Assertions.Expect(desk.Locator(".form-message")).ToHaveTextAsync("Saved.");
        await desk.GotoAsync(app.BaseUrl + "/day/january-12");
        await Assertions.Expect(desk.Locator("article.featured h2")).ToHaveTextAsync("1957: Icebreaker reaches the South Pole");
    }

    private async Task WaitUntilShownAsync(string path, string text)
    {
        using var client = new HttpClient();
        for (int attempt = 0; attempt < 300; attempt++)
        {
            if ((await client.GetStringAsync(app.BaseUrl + path, TestContext.Current.CancellationToken)).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{path} did not show \"{text}\" within 30 s of the story's time.");
    }

    [GeneratedRegex("uploaded=([0-9]+)$")]
    private static partial Regex UploadedId();
}
