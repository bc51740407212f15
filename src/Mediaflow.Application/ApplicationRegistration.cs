using Mediaflow.Application.Buckets;
using Mediaflow.Application.Notifications;
using Mediaflow.Application.Schedules;
using Mediaflow.Application.Tasks;
using Mediaflow.Application.Templates;
using Mediaflow.Application.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mediaflow.Application;

public static class ApplicationRegistration
{
    /// <summary>The use cases the API and the console call; nothing else writes state.</summary>
    public static IServiceCollection AddMediaflowApplication(this IServiceCollection services)
    {
        services.AddSingleton<IBucketLookup, StoreBucketLookup>();
        services.AddScoped<OrchestrationValidation>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<TaskService>();
        services.AddScoped<TaskQueryService>();
        services.AddScoped<Usage.UsageService>();
        services.AddScoped<TranscodeTemplateService>();
        services.AddScoped<TemplateFamilyService>();
        services.AddScoped<MediaMetaDataService>();
        services.AddScoped<NotificationDeliveryService>();
        services.AddSingleton<ExternalS3.ExternalS3EventService>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<Ai.PersonSampleService>();
        services.AddScoped<Ai.WordSampleService>();
        services.AddScoped<Ai.AsrHotwordsService>();
        services.TryAddSingleton(Domain.Ai.AiModels.None);
        services.AddSingleton(sp => Domain.Ai.AiAnalysisTemplates.Family(sp.GetRequiredService<Domain.Ai.AiModels>()));
        services.AddSingleton(sp => Domain.Ai.ContentReviewTemplates.Family(sp.GetRequiredService<Domain.Ai.AiModels>()));
        return services;
    }
}
