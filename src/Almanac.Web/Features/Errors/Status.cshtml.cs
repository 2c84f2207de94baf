using Almanac.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Almanac.Web.Features.Errors;

/// <summary>The one error page: re-executed for 4xx/5xx statuses, never shows exception details.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Message { get; private set; } = "";

    // Error pages are re-executed with the original method (a failed POST, a refused PUT), so the
    // page answers every method, whichever handler (if any) was selected.
    public override void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) =>
        Show(int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int code) ? code : 404);

    private void Show(int code)
    {
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        // After an exception the handler has chosen the status (500, or 503 when the database was away).
        Code = reExecuted && Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode
            : code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = reExecuted ? Response.StatusCode : Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = Hosting.DatabaseFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        (Heading, Message) = Code switch
        {
            404 => ("This page is lost to history", "We could not find that page. It may have moved, or the address may be mistyped. Pick a day below, or start from today."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            413 => ("That upload is too large", "The file is larger than the site accepts. Choose a smaller image and try again."),
            503 => ("The almanac is briefly unavailable", "We cannot reach our records just now. Please try again in a few seconds."),
            >= 500 => ("Something went wrong", "The error has been logged. Please try again in a moment."),
            _ => ("That request could not be handled", "Please check the address and try again."),
        };
        ViewData["Meta"] = new PageMeta { Title = Heading, Description = Message, CanonicalPath = "/" };
    }
}
