namespace Almanac.Web.Features.Compatibility;

public static class CompatibilityApis
{
    /// <summary>APIs in the shapes of other "on this day" services, for clients written against them.</summary>
    public static IEndpointRouteBuilder MapCompatibility(this IEndpointRouteBuilder app) =>
        app.MapWikimediaOnThisDay().MapMuffinlabsHistory();
}
