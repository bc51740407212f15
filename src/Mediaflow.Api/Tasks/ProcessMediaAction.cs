using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Api.Actions;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Api.Tasks;

/// <summary><c>ProcessMedia</c> → <c>{TaskId}</c>: a schedule's DAG (any status) or inline Activities on one COS input.</summary>
public static class ProcessMediaAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, TaskService>("ProcessMedia", async (request, caller, tasks, cancellationToken) =>
            new { TaskId = await tasks.ProcessMediaAsync(caller.AppId, request.ToApplication(), cancellationToken) });
    }

    public sealed class Request : IMpsRequest
    {
        public MediaInputInfo? InputInfo { get; init; }
        public TaskOutputStorage? OutputStorage { get; init; }
        public string? OutputDir { get; init; }
        public long? ScheduleId { get; init; }
        public IReadOnlyList<Activity>? Activities { get; init; }
        public TaskNotifyConfig? TaskNotifyConfig { get; init; }
        public long? TasksPriority { get; init; }
        public string? SessionId { get; init; }
        public string? SessionContext { get; init; }
        public string? TaskType { get; init; }
        public string? ResourceId { get; init; }
        public long? SkipMateData { get; init; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; init; }

        public void Validate() => MpsRequire.Present(InputInfo, nameof(InputInfo));

        public ProcessMediaRequest ToApplication() => new()
        {
            InputInfo = InputInfo,
            OutputStorage = OutputStorage,
            OutputDir = OutputDir,
            ScheduleId = ScheduleId,
            Activities = Activities,
            TaskNotifyConfig = TaskNotifyConfig,
            TasksPriority = TasksPriority,
            SessionId = SessionId,
            SessionContext = SessionContext,
            TaskType = TaskType,
            ResourceId = ResourceId,
            SkipMateData = SkipMateData,
            Other = Other?.Where(kv => FlatTaskMembers.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value),
        };

        // The WorkflowTask-style members we refuse by name; any other unknown field is ignored (newer SDKs add fields).
        private static readonly HashSet<string> FlatTaskMembers = new(StringComparer.Ordinal)
        {
            "MediaProcessTask", "AiContentReviewTask", "AiAnalysisTask", "AiRecognitionTask", "AiQualityControlTask", "SmartSubtitlesTask", "SmartEraseTask",
        };
    }
}
