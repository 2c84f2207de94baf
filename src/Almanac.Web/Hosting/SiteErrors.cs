namespace Almanac.Web.Hosting;

public static class SiteErrors
{
    /// <summary>Every HTML error goes through one page (Features/Errors/Status); no stack trace leaves the server.</summary>
    public static IApplicationBuilder UseSiteErrors(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
