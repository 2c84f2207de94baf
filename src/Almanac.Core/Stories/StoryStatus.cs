namespace Almanac.Core.Stories;

public enum StoryStatus
{
    Draft = 0,
    InReview = 1,
    Scheduled = 2,
    Published = 3,
    Unpublished = 4,
}
