using System.Globalization;
using Almanac.Core.Calendar;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Almanac.Web.Features.Media;
using Almanac.Web.Hosting;

namespace Almanac.Web.Features.Api;

// The shapes of API v1. They are part of the contract: add fields, never rename or remove them.

/// <summary>
/// A date as the editor recorded it. <c>year</c> is astronomical (1 BC is 0, 44 BC is -43), like
/// <c>iso</c>; <c>yearLabel</c> and <c>display</c> are what readers see.
/// </summary>
public sealed record ApiDate(
    string Iso,
    int Year,
    int? Month,
    int? Day,
    string Precision,
    string Calendar,
    bool Circa,
    string YearLabel,
    string Display,
    string GregorianIso)
{
    public static ApiDate From(HistoricalDate date, CultureInfo culture) => new(
        date.ToIsoString(),
        date.Year,
        date.Month,
        date.Day,
        date.Precision.ToString().ToLowerInvariant(),
        date.Calendar.ToString().ToLowerInvariant(),
        date.Circa,
        date.YearText,
        date.ToDisplayString(culture),
        date.Gregorian.ToIsoString());
}

/// <summary>A calendar day: "08-04" is <c>numeric</c>, "august-4" the <c>slug</c> of its page.</summary>
public sealed record ApiDay(int Month, int Day, string Numeric, string Slug, string Name, ApiLinks Links)
{
    public static ApiDay From(CalendarDay day, CultureInfo culture, Func<string, string> absolute) => new(
        day.Month, day.Day, day.Numeric, day.Slug, day.ToDisplayString(culture),
        new ApiLinks(absolute(SiteLinks.Day(day)), absolute(ApiLinks.Day(day))));
}

/// <summary>Where a resource lives: its page for readers and its API resource.</summary>
public sealed record ApiLinks(string Html, string Api)
{
    public const string Root = "/api/v1";

    public static string Day(CalendarDay day) => $"{Root}/days/{day.Numeric}";

    public static string Story(string slug) => $"{Root}/stories/{slug}";

    public static string Year(int astronomicalYear) => $"{Root}/years/{HistoricalDate.YearSlug(astronomicalYear)}";

    public static string Kind(StoryKind kind) => $"{Root}/kinds/{kind.Slug()}";

    public static string Category(string slug) => $"{Root}/categories/{slug}";

    public static string Topic(string slug) => $"{Root}/topics/{slug}";
}

/// <summary>An image in several widths, with its credit as the story page shows it.</summary>
public sealed record ApiImage(string Url, int Width, int Height, string Alt, ApiCredit Credit, IReadOnlyList<ApiImageVariant> Variants)
{
    public static ApiImage Cover(string slug, string alt, ApiCredit credit, Func<string, string> absolute) => new(
        absolute(SiteLinks.Cover(slug, CoverImage.ShareWidth, "png")),
        CoverImage.ShareWidth,
        CoverImage.HeightFor(CoverImage.ShareWidth),
        alt,
        credit,
        [.. CoverImage.Widths.Select(w => new ApiImageVariant(absolute(SiteLinks.Cover(slug, w)), w, CoverImage.HeightFor(w), "image/webp"))]);

    /// <summary>An uploaded image: the widest JPEG as <c>url</c>, and every stored width in WebP and in JPEG.</summary>
    public static ApiImage Uploaded(StoryImage image, ApiCredit credit, Func<string, string> absolute)
    {
        int widest = image.Widths.Count > 0 ? image.Widths.Max() : image.Width;
        return new(
            absolute(MediaLinks.Variant(image.Id, widest, MediaFormat.Jpeg)),
            widest,
            ImageProcessor.VariantHeight(image.Width, image.Height, widest),
            image.AltText,
            credit,
            [.. image.Widths.Order().SelectMany(w => MediaFormats.All.Select(f => new ApiImageVariant(
                absolute(MediaLinks.Variant(image.Id, w, f)), w, ImageProcessor.VariantHeight(image.Width, image.Height, w), f.ContentType())))]);
    }
}

public sealed record ApiImageVariant(string Url, int Width, int Height, string Type);

public sealed record ApiCredit(string Text, string? Url, string? Licence);

/// <summary>A story as listings show it.</summary>
public sealed record ApiStorySummary(
    string Slug,
    string Title,
    string Headline,
    string Kind,
    ApiDate Date,
    string? Day,
    string Summary,
    ApiImageVariant Thumbnail,
    ApiLinks Links)
{
    public static ApiStorySummary From(StoryCard card, CultureInfo culture, Func<string, string> absolute) => new(
        card.Slug,
        card.Title,
        card.Headline,
        card.Kind.Slug(),
        ApiDate.From(card.Date, culture),
        card.PlacementMonth is { } m && card.PlacementDay is { } d ? new CalendarDay(m, d).Numeric : null,
        card.Summary,
        ThumbnailOf(card, absolute),
        new ApiLinks(absolute(SiteLinks.Story(card.Slug)), absolute(ApiLinks.Story(card.Slug))));

    /// <summary>The smallest WebP of the story's uploaded image, else of its generated cover.</summary>
    private static ApiImageVariant ThumbnailOf(StoryCard card, Func<string, string> absolute)
    {
        if (card.Image is { Widths.Count: > 0 } image)
        {
            int width = image.Widths.Min();
            return new ApiImageVariant(absolute(MediaLinks.Variant(image.Id, width, MediaFormat.Webp)), width, ImageProcessor.VariantHeight(image.Width, image.Height, width), "image/webp");
        }

        return new ApiImageVariant(absolute(SiteLinks.Cover(card.Slug, CoverImage.Widths[0])), CoverImage.Widths[0], CoverImage.HeightFor(CoverImage.Widths[0]), "image/webp");
    }
}

/// <summary>A story in full: the body as sanitized HTML, its sources, topics, categories and related stories.</summary>
public sealed record ApiStory(
    string Slug,
    string Title,
    string Headline,
    string Kind,
    ApiDate Date,
    string? Day,
    string Summary,
    IReadOnlyList<string> Highlights,
    string BodyHtml,
    ApiImage Image,
    IReadOnlyList<ApiTag> Categories,
    IReadOnlyList<ApiTag> Topics,
    IReadOnlyList<ApiSource> Sources,
    IReadOnlyList<ApiStorySummary> Related,
    string? Author,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    ApiLinks Links);

public sealed record ApiTag(string Slug, string Name, ApiLinks Links);

public sealed record ApiSource(string Title, string? Url);

/// <summary>One page of a list, with links to its neighbours (null at either end).</summary>
public sealed record ApiPageLinks(string Self, string First, string Last, string? Next, string? Prev, string? Html);

/// <summary>A day's stories: the story of the day, then the others by kind and year.</summary>
public sealed record ApiDayStories(
    ApiDay Day,
    ApiStorySummary? Featured,
    IReadOnlyList<ApiStorySummary> Stories,
    int Page,
    int PageCount,
    ApiPageLinks Links);

/// <summary>Stories of a year, kind, category or topic in time order, one page at a time.</summary>
public sealed record ApiListing(
    string Name,
    string Description,
    int Total,
    int Page,
    int PerPage,
    int PageCount,
    IReadOnlyList<ApiStorySummary> Items,
    ApiPageLinks Links);

/// <summary>
/// A topic's stories in time order, like <see cref="ApiListing"/>, with what the topic is:
/// <c>kind</c> (person, place, theme, organisation), and for a person <c>lifeDates</c> ("1880–1928")
/// with <c>born</c> and <c>died</c> as dates. <c>image</c> is null unless an editor chose one.
/// </summary>
public sealed record ApiTopicListing(
    string Name,
    string Description,
    int Total,
    int Page,
    int PerPage,
    int PageCount,
    IReadOnlyList<ApiStorySummary> Items,
    ApiPageLinks Links,
    string Kind,
    string? LifeDates,
    ApiDate? Born,
    ApiDate? Died,
    ApiTopicImage? Image)
{
    public static ApiTopicListing From(ApiListing listing, TopicPage topic, CultureInfo culture, Func<string, string> absolute) => new(
        listing.Name, listing.Description, listing.Total, listing.Page, listing.PerPage, listing.PageCount, listing.Items, listing.Links,
        topic.Kind.Slug(),
        topic.LifeDates,
        topic.Born is { } b ? ApiDate.From(b, culture) : null,
        topic.Died is { } d ? ApiDate.From(d, culture) : null,
        topic.Image is { } i ? new ApiTopicImage(absolute(Features.Topics.TopicModel.MediaPath(i)), i.Width, i.Height, i.AltText, new ApiCredit(i.CreditText, i.CreditUrl, i.Licence)) : null);
}

public sealed record ApiTopicImage(string Url, int Width, int Height, string Alt, ApiCredit Credit);

/// <summary>A category or topic in an index, with its number of published stories.</summary>
public sealed record ApiTagCount(string Slug, string Name, int Stories, ApiLinks Links);

public sealed record ApiTagIndex(int Total, int Page, int PerPage, int PageCount, IReadOnlyList<ApiTagCount> Items, ApiPageLinks Links);

/// <summary>The entry point: what the API offers.</summary>
public sealed record ApiRoot(string Name, string Version, string Today, string Documentation, string OpenApi, IReadOnlyDictionary<string, string> Resources);

/// <summary>
/// One page of search hits, best first. <c>query</c> is the text searched for (cut to 200 characters);
/// <c>message</c> says why nothing was searched or what was left out, else null. When
/// <c>totalIsLowerBound</c>, the words matched more stories than a search ranks (10,000): the newest
/// 10,000 matches were ranked and <c>total</c> means "at least".
/// </summary>
public sealed record ApiSearchResults(
    string Query,
    string? Message,
    int Total,
    int Page,
    int PerPage,
    int PageCount,
    IReadOnlyList<ApiSearchHit> Items,
    ApiPageLinks Links,
    bool TotalIsLowerBound);

/// <summary>
/// A matching story. <c>titleHtml</c> and <c>snippetHtml</c> are HTML-encoded text whose only markup
/// is <c>&lt;mark&gt;</c> around matched words; <c>rank</c> is higher for better matches.
/// </summary>
public sealed record ApiSearchHit(ApiStorySummary Story, string TitleHtml, string SnippetHtml, double Rank);

/// <summary>
/// The stories read most from <c>from</c> to <c>to</c> (UTC days, both included), most reads first.
/// Counts are per story and day only; nothing about readers is kept.
/// </summary>
public sealed record ApiMostRead(int Days, DateOnly From, DateOnly To, IReadOnlyList<ApiMostReadItem> Items);

public sealed record ApiMostReadItem(int Reads, ApiStorySummary Story);
