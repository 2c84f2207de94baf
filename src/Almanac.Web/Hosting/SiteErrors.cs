namespace Almanac.Web.Hosting;

public static class SiteErrors
{
    /// <summary>
    /// Every HTML error goes through one page (Features/Errors/Status); the API's errors are
    /// problem+json. No stack trace leaves the server either way.
    /// </summary>
    public static IApplicationBuilder UseSiteErrors(this WebApplication app)
    {
        app.UseWhen(http => PublicApi.IsApiPath(http.Request.Path), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !PublicApi.IsApiPath(http.Request.Path), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }
}
