using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Almanac.Web.Tests.Infrastructure;

/// <summary>Fills in and sends the site's forms the way a browser does, anti-forgery token included.</summary>
public static class Forms
{
    /// <summary>
    /// Loads <paramref name="pagePath"/>, finds the form matched by <paramref name="formSelector"/>,
    /// keeps its hidden and pre-filled fields (the anti-forgery token among them), overrides them with
    /// <paramref name="fields"/>, and posts it to the form's action.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pagePath, string formSelector, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var document = await client.GetOkPageAsync(pagePath);
        var form = document.QuerySelector<IHtmlFormElement>(formSelector);
        Assert.True(form is not null, $"{pagePath} has no form matching {formSelector}");
        return await client.SubmitAsync(form, pagePath, fields);
    }

    /// <summary>Posts an already loaded form; <paramref name="pagePath"/> resolves a relative action.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, string pagePath, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var values = FormValues(form);
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        string action = form.GetAttribute("action") is { Length: > 0 } a ? a : pagePath;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(action, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts fields to a path with no token at all, as a forger would.</summary>
    public static async Task<HttpResponseMessage> PostWithoutTokenAsync(
        this HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(this IDocument document) =>
        document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no anti-forgery token.");

    private static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button" or "file"):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        values.Add(new(select.Name!, option.Value));
                    }

                    break;
            }
        }

        return values;
    }
}
