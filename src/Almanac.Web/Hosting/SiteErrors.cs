namespace Almanac.Web.Hosting;

public static class SiteErrors
{
    /// <summary>
    /// Every HTML error goes through one page (Features/Errors/Status); the API's errors are
    /// problem+json. No stack trace leaves the server either way. A database that cannot be reached
    /// gives 503 rather than 500 (<see cref="DatabaseFailures"/>).
    /// </summary>
    public static IApplicationBuilder UseSiteErrors(this WebApplication app)
    {
        app.UseWhen(http => PublicApi.IsApiPath(http.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = DatabaseFailures.StatusCodeFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !PublicApi.IsApiPath(http.Request.Path), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = DatabaseFailures.StatusCodeFor });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }
}
