using Almanac.Core.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Admin.Media;

/// <summary><c>/admin/media/upload</c>: one image with its alt text and credit; each refusal is shown at its field.</summary>
// Until sign-in lands the policy is unknown, and the page fails closed (500), never open.
[Authorize(Policy = AdminPolicies.Newsroom)]
[UploadLimit]
public sealed class UploadModel(MediaLibrary library, IOptions<MediaOptions> options) : PageModel
{
    [BindProperty]
    public IFormFile? Image { get; set; }

    [BindProperty]
    public string? AltText { get; set; }

    [BindProperty]
    public string? CreditText { get; set; }

    [BindProperty]
    public string? CreditUrl { get; set; }

    [BindProperty]
    public string? Licence { get; set; }

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public string MaxUploadText => $"{options.Value.MaxUploadBytes / (1024.0 * 1024.0):0.#} MB";

    public string? Problem(string field) => Problems.GetValueOrDefault(field);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await using var content = Image?.OpenReadStream() ?? Stream.Null;
        var upload = await library.UploadAsync(content, Image?.FileName, AltText, CreditText, CreditUrl, Licence, ct);
        if (upload.Item is { } item)
        {
            return RedirectToPage("Index", new { uploaded = item.Id });
        }

        Problems = upload.Problems
            .Select(p => p.Field == MediaLibrary.Fields.File && Image is null ? p with { Message = "Choose a JPEG, PNG or WebP image to upload." } : p)
            .GroupBy(p => p.Field)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => p.Message)));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
