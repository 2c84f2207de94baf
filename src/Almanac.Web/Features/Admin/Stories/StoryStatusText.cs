using Almanac.Core.Stories;

namespace Almanac.Web.Features.Admin.Stories;

public static class StoryStatusText
{
    public static string Label(StoryStatus status) => status switch
    {
        StoryStatus.InReview => "In review",
        StoryStatus.Scheduled => "Scheduled",
        StoryStatus.Published => "Published",
        StoryStatus.Unpublished => "Unpublished",
        _ => "Draft",
    };
}
