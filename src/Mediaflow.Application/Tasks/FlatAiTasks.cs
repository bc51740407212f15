using System.Text.Json;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tasks;

namespace Mediaflow.Application.Tasks;

/// <summary>
/// Flat <c>AiRecognitionTask</c>, <c>AiAnalysisTask</c>, <c>SmartEraseTask</c>, <c>AiContentReviewTask</c> and
/// <c>SmartSubtitlesTask</c> (spec §11): the one node alone, as a WorkflowTask <c>input → node → output</c>, reported in the
/// WorkflowTask's <c>AiRecognitionResultSet</c>, <c>AiAnalysisResultSet</c>, <c>SmartEraseTaskResult</c>,
/// <c>AiContentReviewResultSet</c> and <c>SmartSubtitlesTaskResult</c> (<see cref="WorkflowTaskView"/>); not combined with
/// Activities, ScheduleId or another flat member. The node's own rules apply (unknown Definition →
/// <c>InvalidParameterValue.Definition</c>).
/// </summary>
public static class FlatAiTasks
{
    private static readonly Dictionary<string, (string ActivityType, Func<JsonElement, ActivityPara> Para)> Members = new(StringComparer.Ordinal)
    {
        ["AiRecognitionTask"] = (ActivityTypes.AiRecognition, e => new ActivityPara { AiRecognitionTask = Read<AiRecognitionTaskInput>(e, "AiRecognitionTask") }),
        ["AiAnalysisTask"] = (ActivityTypes.AiAnalysis, e => new ActivityPara { AiAnalysisTask = Read<AiAnalysisTaskInput>(e, "AiAnalysisTask") }),
        ["SmartEraseTask"] = (ActivityTypes.SmartErase, e => new ActivityPara { SmartEraseTask = Read<SmartEraseTaskInput>(e, "SmartEraseTask") }),
        ["AiContentReviewTask"] = (ActivityTypes.AiContentReview, e => new ActivityPara { AiContentReviewTask = Read<AiContentReviewTaskInput>(e, "AiContentReviewTask") }),
        ["SmartSubtitlesTask"] = (ActivityTypes.SmartSubtitles, e => new ActivityPara { SmartSubtitlesTask = Read<SmartSubtitlesTaskInput>(e, "SmartSubtitlesTask") }),
    };

    public static bool Handles(string member) => Members.ContainsKey(member);

    /// <summary>The flat member of the request this class runs, or null.</summary>
    public static (string Member, JsonElement Value)? Find(ProcessMediaRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var present = (request.Other ?? []).Where(kv => Members.ContainsKey(kv.Key) && kv.Value.ValueKind != JsonValueKind.Null).ToList();
        if (present.Count > 1)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(present[1].Key), $"{present[1].Key} cannot be combined with {present[0].Key}; pass one flat task");
        }

        return present.Count == 1 ? (present[0].Key, present[0].Value) : null;
    }

    /// <summary><c>input → the member's node → output</c>.</summary>
    public static List<Activity> Activities(ProcessMediaRequest request, string member, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Activities is { Count: > 0 } || request.ScheduleId is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(member), $"{member} runs alone; it cannot be combined with Activities or ScheduleId");
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(member), $"{member} must be an object");
        }

        var (activityType, para) = Members[member];
        return
        [
            new() { ActivityType = ActivityTypes.Input, ReardriveIndex = [1] },
            new() { ActivityType = activityType, ReardriveIndex = [2], ActivityPara = para(value) },
            new() { ActivityType = ActivityTypes.Output, ReardriveIndex = [] },
        ];
    }

    private static T Read<T>(JsonElement value, string member)
        where T : class
    {
        try
        {
            return value.Deserialize<T>(EngineJson.Options) ?? throw new ApiException(ApiErrorCodes.InvalidValue(member), $"{member} must be an object");
        }
        catch (JsonException exception)
        {
            throw new ApiException(ApiErrorCodes.InvalidParameter, $"{member}: {exception.Message}");
        }
    }
}
