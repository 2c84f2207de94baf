namespace Almanac.Web.Features.Publishing;

public static class PublishingServices
{
    /// <summary>The newsroom's publishing: exact cache eviction of a story's pages and the scheduler.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StoryPages>();
        services.AddScoped<ScheduledPublisher>();
        services.AddHostedService<PublishingScheduler>();
        return services;
    }
}
