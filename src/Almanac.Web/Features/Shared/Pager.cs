namespace Almanac.Web.Features.Shared;

/// <summary>Page links for a paginated listing; page 1 is the bare path so it has one URL.</summary>
public sealed record Pager(int Page, int PageCount, string Path)
{
    public string Link(int page) => page <= 1 ? Path : $"{Path}?page={page}";
}
