using Almanac.Core.Media;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Admin.Media;

/// <summary>
/// <c>[RequestSizeLimit]</c> and <c>[RequestFormLimits]</c> for the upload page, with the limit taken
/// from <c>Media:MaxUploadBytes</c> (an attribute argument must be a constant): the request may be the
/// file's limit plus <see cref="FormAllowance"/> for the other fields and the multipart framing. A
/// request that says it is larger is answered 413 before its body is read. Like the framework's
/// filters it runs before the anti-forgery check, which is the first to read the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public const long FormAllowance = 64 * 1024;

    public int Order => 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes + FormAllowance);

    private sealed class Filter(long limit) : IAuthorizationFilter, IOrderedFilter
    {
        public int Order => 900;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (http.Request.ContentLength > limit)
            {
                context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
                return;
            }

            // A body without a declared length (chunked) is stopped by the server at the same limit.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (http.Features.Get<IFormFeature>()?.Form is null)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
            }
        }
    }
}
