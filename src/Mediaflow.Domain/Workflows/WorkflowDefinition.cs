using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Workflows;

/// <summary>A legacy workflow (CreateWorkflow/ResetWorkflow body, reference/mps-api.md §5.1): fixed shape, every task set entry runs on the source.</summary>
public sealed record WorkflowDefinition
{
    /// <summary>The member of a workflow row's DefinitionJson that keeps the workflow as its creator sent it.</summary>
    public const string StoredMember = "MfWorkflow";

    /// <summary>ResetWorkflow only: the workflow to replace (never stored).</summary>
    public long? WorkflowId { get; init; }

    public string? WorkflowName { get; init; }
    public WorkflowTrigger? Trigger { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputDir { get; init; }

    /// <summary>The task sets, kept as JSON: each entry is parsed as the node input its catalogue entry names.</summary>
    public Dictionary<string, JsonElement>? MediaProcessTask { get; init; }

    public TaskNotifyConfig? TaskNotifyConfig { get; init; }
    public long? TaskPriority { get; init; }

    /// <summary>AiContentReviewTask, AiAnalysisTask, AiRecognitionTask … : refused by name while present (AI nodes are not implemented).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
