using Almanac.Web.Features.Account;
using Almanac.Web.Features.Admin.Settings;
using Almanac.Web.Features.Api;
using Almanac.Web.Features.Calendar;
using Almanac.Web.Features.Comments;
using Almanac.Web.Features.Compatibility;
using Almanac.Web.Features.Days;
using Almanac.Web.Features.Embed;
using Almanac.Web.Features.Feeds;
using Almanac.Web.Features.Media;
using Almanac.Web.Features.MostRead;
using Almanac.Web.Features.Publishing;
using Almanac.Web.Features.RandomStory;
using Almanac.Web.Features.Sitemaps;
using Almanac.Web.Features.Stories;
using Almanac.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Site settings, the clock that decides "today", and the database (SQLite in ./data by default).
builder.Services.AddSite(builder.Configuration);
builder.AddSiteSettings();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddMedia(builder.Configuration);

// Server-rendered pages live under Features/, one folder per part of the site.
builder.Services.AddNewsroomAccounts();
builder.Services.AddRazorPages(o =>
    {
        o.RootDirectory = "/Features";
        o.AddNewsroomConventions();
    })
    .AddMvcOptions(o => o.Filters.Add<MethodNotAllowedFilter>());
builder.Services.AddPageCaching();
builder.Services.AddSharedOutputCache(builder.Configuration);
builder.Services.AddHealth(builder.Configuration);
builder.Services.AddRequestDeadline(builder.Configuration);
builder.Services.AddSiteMetrics();
builder.Services.AddPublicApi(builder.Configuration);
builder.Services.AddApiDocs();
builder.Services.AddMostRead();
builder.Services.AddComments();
builder.Services.AddPublishing();
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 1 * 1024 * 1024;
    k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
});

var app = builder.Build();

// Migrations run on the first start and in Development; otherwise `almanac db migrate` does it.
await app.PrepareDatabaseAsync();
await app.PrepareAccountsAsync();

app.UseSiteErrors();
app.UseLegacyRedirects();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRequestTimeouts();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseBrowserCaching();
app.UseRateLimiter();
app.UseOutputCacheMetrics();
app.UseMostReadCounting();
app.UsePageCaching();

app.MapHealth();
app.MapSiteMetrics();
app.MapRazorPages();
app.MapDayPicker();
app.MapCovers();
app.MapMedia();
app.MapFeeds();
app.MapSitemaps();
app.MapAnniversaryCalendar();
app.MapApiV1();
app.MapApiDocs();
app.MapCompatibility();
app.MapEmbed();
app.MapRandomStory();

app.Lifetime.ApplicationStarted.Register(() => SiteServices.LogListening(app.Logger, app.Urls));

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
