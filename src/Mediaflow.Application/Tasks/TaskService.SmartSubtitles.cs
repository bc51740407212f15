using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence.Engine;

namespace Mediaflow.Application.Tasks;

public sealed partial class TaskService
{
    /// <summary>The flat member that runs as a one-node WorkflowTask: <c>input → action-SmartSubtitles → output</c>.</summary>
    private const string FlatSmartSubtitles = "SmartSubtitlesTask";

    /// <summary>
    /// Flat <c>SmartSubtitlesTask</c> (spec §11): the subtitle node alone, as a WorkflowTask whose result is
    /// <c>SmartSubtitlesTaskResult</c> (SmartSubtitlesResult[]); not combined with Activities or ScheduleId.
    /// </summary>
    private async Task<(ScheduleRow Schedule, OrchestrationDefinition Definition)> FlatSmartSubtitlesAsync(
        long appId, ProcessMediaRequest request, System.Text.Json.JsonElement flat, CancellationToken cancellationToken)
    {
        if (request.Activities is { Count: > 0 } || request.ScheduleId is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(FlatSmartSubtitles), $"{FlatSmartSubtitles} runs alone; it cannot be combined with Activities or ScheduleId");
        }

        SmartSubtitlesTaskInput input;
        try
        {
            input = System.Text.Json.JsonSerializer.Deserialize<SmartSubtitlesTaskInput>(flat, EngineJson.Options)
                ?? throw new ApiException(ApiErrorCodes.InvalidValue(FlatSmartSubtitles), $"{FlatSmartSubtitles} must be an object");
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameter, $"{FlatSmartSubtitles}: {exception.Message}");
        }

        List<Activity> activities =
        [
            new() { ActivityType = ActivityTypes.Input, ReardriveIndex = [1] },
            new() { ActivityType = ActivityTypes.SmartSubtitles, ReardriveIndex = [2], ActivityPara = new ActivityPara { SmartSubtitlesTask = input } },
            new() { ActivityType = ActivityTypes.Output, ReardriveIndex = [] },
        ];
        OrchestrationRules.ValidateActivities(activities);
        await validation.ValidateActivitiesAsync(appId, activities, cancellationToken);
        var adHoc = new ScheduleRow { AppId = appId, Id = 0, Version = 0, Kind = ScheduleKinds.Workflow };
        return (adHoc, new OrchestrationDefinition { Activities = activities, ResourceId = request.ResourceId });
    }
}
