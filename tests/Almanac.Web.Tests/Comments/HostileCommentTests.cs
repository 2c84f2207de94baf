using Almanac.Core.Comments;
using Almanac.Web.Tests.Browser;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Almanac.Web.Tests.Comments;

/// <summary>The comments site on a real Kestrel port, driven by Debian's Chromium (as <see cref="BrowserApp"/>).</summary>
public sealed class CommentsBrowserApp : CommentsApp
{
    private IPlaywright? playwright;

    public CommentsBrowserApp()
    {
        UseKestrel(0);
    }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async Task StartAsync()
    {
        if (Browser is not null)
        {
            return;
        }

        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Assert.True(File.Exists(BrowserApp.ChromiumPath), $"{BrowserApp.ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        Assertions.SetDefaultExpectTimeout(BrowserApp.ExpectTimeoutMs);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserApp.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// Point 5: every payload of <c>xss-payloads.txt</c> is typed into the real form in Chromium, stored
/// byte for byte, and shown inert: no dialog, no element of the reader's making. The browser context
/// ignores the Content-Security-Policy, so the proof rests on the encoding alone.
/// </summary>
public sealed class HostileCommentTests(CommentsBrowserApp app) : IClassFixture<CommentsBrowserApp>, IAsyncLifetime
{
    public ValueTask InitializeAsync() => new(app.StartAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static IReadOnlyList<string> Payloads { get; } =
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Comments", "xss-payloads.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal))];

    // No dialog, no element with the marker id, no marker variable, and nothing in a comment but paragraphs, breaks and safe links.
    private const string InjectionCheck = """
        () => {
          const found = [];
          if (document.getElementById('xss')) found.push('#xss exists');
          if (window.xss !== undefined) found.push('window.xss is set');
          for (const el of document.querySelectorAll('.comment-author *')) found.push('element in a name: ' + el.outerHTML);
          for (const el of document.querySelectorAll('.comment-body *')) {
            if (!['P', 'BR', 'A'].includes(el.tagName)) found.push('element in a comment: ' + el.outerHTML);
            if (el.tagName === 'A' && (!/^https?:\/\//.test(el.getAttribute('href')) || el.getAttribute('rel') !== 'nofollow ugc noopener' || el.attributes.length !== 2))
              found.push('unsafe link: ' + el.outerHTML);
            if (el.tagName !== 'A' && el.attributes.length > 0) found.push('attributes: ' + el.outerHTML);
          }
          return found;
        }
        """;

    [Fact]
    public void TheCorpus_HasAtLeastFiftyPayloads() => Assert.True(Payloads.Count >= 50, $"{Payloads.Count} payloads");

    [Fact]
    public async Task EveryPayload_SentThroughTheRealForm_IsStoredByteForByte_AndRenderedInert()
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{dialog.Message} on {page.Url}");
            await dialog.DismissAsync();
        };

        string name(int i) => Payloads[i].Length <= Comment.NameMaxLength ? Payloads[i] : Payloads[i][..Comment.NameMaxLength];
        // Each comment is written on the page the last one led to, as a reader writing several would.
        await page.GotoAsync(app.BaseUrl + CommentsApp.Story);
        for (int i = 0; i < Payloads.Count; i++)
        {
            await FillAndSendAsync(page, name(i), Payloads[i]);
            if (page.Url.EndsWith("/comments", StringComparison.Ordinal))
            {
                // The first form came from the cached page: confirm it once, with the token.
                await FillAndSendAsync(page, name(i), Payloads[i]);
            }

            Assert.Contains("?comment=", page.Url, StringComparison.Ordinal);
            // The author's own "awaiting moderation" view shows the payload, inert.
            await Assertions.Expect(page.Locator(".comment-notice")).ToContainTextAsync("awaiting moderation");
            Assert.Empty(await page.EvaluateAsync<string[]>(InjectionCheck));
        }

        // Stored exactly as sent.
        var stored = (await app.CommentsAsync()).Where(c => c.Status == CommentStatus.Pending).ToList();
        for (int i = 0; i < Payloads.Count; i++)
        {
            var comment = Assert.Single(stored, c => c.Body == Payloads[i]);
            Assert.Equal(name(i), comment.AuthorName);
        }

        // Published, every one of them on one page, and still inert.
        foreach (var comment in stored)
        {
            await app.SetStatusAsync(comment.Id, CommentStatus.Approved);
        }

        // A new reader (whose browser has no copy of the page yet).
        await using var readerContext = await app.Browser.NewTestContextAsync(new() { BypassCSP = true });
        page = await readerContext.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{dialog.Message} on {page.Url}");
            await dialog.DismissAsync();
        };
        await page.GotoAsync(app.BaseUrl + CommentsApp.Story);
        // Give event handlers (onerror, onload, autofocus) every chance to run.
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(Payloads.Count, await page.Locator(".comment-list .comment").CountAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>(InjectionCheck));
        for (int i = 0; i < Payloads.Count; i++)
        {
            var id = stored.Single(c => c.Body == Payloads[i]).Id;
            Assert.Equal(Payloads[i], await page.Locator($"#comment-{id} .comment-body").TextContentAsync());
            Assert.Equal(name(i), await page.Locator($"#comment-{id} .comment-author").TextContentAsync());
        }

        Assert.Empty(dialogs);
    }

    private async Task FillAndSendAsync(IPage page, string name, string body)
    {
        await page.FillAsync("#comment-name", name);
        await page.FillAsync("#comment-body", body);
        app.Time.Advance(TimeSpan.FromSeconds(5));
        // Every send leads to another address; wait for it, not for the load state of the page it leaves.
        string before = page.Url;
        await page.Locator("form.comment-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(before);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
