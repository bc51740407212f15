using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Application.Tasks;

/// <summary>ProcessMedia (reference/mps-api.md §11): run a schedule's DAG, or an inline one, on one input.</summary>
public sealed record ProcessMediaRequest
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

    /// <summary>Unknown members; the flat WorkflowTask-style ones (MediaProcessTask, AiContentReviewTask …) are refused by name until implemented.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
