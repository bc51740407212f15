using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;
using Mediaflow.Persistence.Engine;

namespace Mediaflow.Application.Tasks;

public sealed partial class TaskService
{
    /// <summary>The flat member that runs as a one-node WorkflowTask: <c>input → action-aiReview → output</c>.</summary>
    private const string FlatContentReview = "AiContentReviewTask";

    /// <summary>
    /// Flat <c>AiContentReviewTask</c> (spec §11): the review alone, as a WorkflowTask whose results are
    /// <c>AiContentReviewResultSet</c>; not combined with Activities or ScheduleId.
    /// </summary>
    private async Task<(ScheduleRow Schedule, OrchestrationDefinition Definition)> FlatContentReviewAsync(
        long appId, ProcessMediaRequest request, System.Text.Json.JsonElement flat, CancellationToken cancellationToken)
    {
        if (request.Activities is { Count: > 0 } || request.ScheduleId is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(FlatContentReview), $"{FlatContentReview} runs alone; it cannot be combined with Activities or ScheduleId");
        }

        AiContentReviewTaskInput input;
        try
        {
            input = System.Text.Json.JsonSerializer.Deserialize<AiContentReviewTaskInput>(flat, EngineJson.Options)
                ?? throw new ApiException(ApiErrorCodes.InvalidValue(FlatContentReview), $"{FlatContentReview} must be an object");
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameter, $"{FlatContentReview}: {exception.Message}");
        }

        List<Activity> activities =
        [
            new() { ActivityType = ActivityTypes.Input, ReardriveIndex = [1] },
            new() { ActivityType = ActivityTypes.AiContentReview, ReardriveIndex = [2], ActivityPara = new ActivityPara { AiContentReviewTask = input } },
            new() { ActivityType = ActivityTypes.Output, ReardriveIndex = [] },
        ];
        OrchestrationRules.ValidateActivities(activities);
        await validation.ValidateActivitiesAsync(appId, activities, cancellationToken);
        var adHoc = new ScheduleRow { AppId = appId, Id = 0, Version = 0, Kind = ScheduleKinds.Workflow };
        return (adHoc, new OrchestrationDefinition { Activities = activities, ResourceId = request.ResourceId });
    }
}
