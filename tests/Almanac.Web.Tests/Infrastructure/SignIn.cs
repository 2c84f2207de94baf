using System.Net;
using Almanac.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Infrastructure;

/// <summary>Newsroom accounts for tests: real users in the database, signed in through the real form.</summary>
public static class SignIn
{
    public const string Password = "a long enough test passphrase";

    /// <summary>Creates a user with a password and one role, straight in the database.</summary>
    public static async Task<AlmanacUser> CreateUserAsync(this AlmanacApp app, string role, string? userName = null)
    {
        userName ??= $"{role}-{Guid.NewGuid():N}"[..20];
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AlmanacUser>>();
        var user = new AlmanacUser { UserName = userName, Email = $"{userName}@almanac.test", CreatedAtUtc = app.Time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A browser-like client (cookies, no automatic redirects) on the site's https address.</summary>
    public static HttpClient CreateBrowserClient(this AlmanacApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://almanac.test") });

    /// <summary>A new user in <paramref name="role"/> and a client signed in as them.</summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this AlmanacApp app, string role) =>
        (await app.CreateSignedInUserAsync(role)).Client;

    public static async Task<(HttpClient Client, AlmanacUser User)> CreateSignedInUserAsync(this AlmanacApp app, string role)
    {
        var user = await app.CreateUserAsync(role);
        var client = app.CreateBrowserClient();
        var response = await client.SignInAsync(user.UserName!, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        return (client, user);
    }

    /// <summary>Posts the sign-in form; the answer is a redirect when it worked.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string login, string password, string? returnUrl = null) =>
        client.PostFormAsync(
            returnUrl is null ? "/account/sign-in" : $"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}",
            "form.sign-in",
            [new("Login", login), new("Password", password)]);
}
