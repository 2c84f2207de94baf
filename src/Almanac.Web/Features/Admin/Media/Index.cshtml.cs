using Almanac.Core.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Almanac.Web.Features.Admin.Media;

/// <summary><c>/admin/media</c>: the library, newest first, searchable by alt text, credit and file name.</summary>
// Until sign-in lands the policy is unknown, and the page fails closed (500), never open.
[Authorize(Policy = AdminPolicies.Newsroom)]
public sealed class IndexModel(MediaLibrary library) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "uploaded")]
    public int? Uploaded { get; set; }

    public MediaListing Listing { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Listing = await library.ListAsync(Search, PageNumber, ct: ct);

    /// <summary>A page of the current search; the first page and an empty search keep the bare path.</summary>
    public string Link(int page)
    {
        var query = QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("q", Listing.Search.Length > 0 ? Listing.Search : null),
            new("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        }.Where(p => p.Value is not null));
        return "/admin/media" + query;
    }
}
