namespace Mediaflow.Domain.Orchestrations;

/// <summary>What the user saves: trigger + DAG + output + notification (a "Schedule" on the wire).</summary>
public sealed record OrchestrationDefinition
{
    public string? ScheduleName { get; init; }
    public WorkflowTrigger? Trigger { get; init; }
    public IReadOnlyList<Activity>? Activities { get; init; }
    public TaskOutputStorage? OutputStorage { get; init; }
    public string? OutputDir { get; init; }
    public TaskNotifyConfig? TaskNotifyConfig { get; init; }
    public string? ResourceId { get; init; }

    /// <summary>Extension: the console's canvas layout, an opaque JSON string round-tripped and ignored by the engine (DESIGN §7.7).</summary>
    public string? MfCanvasLayout { get; init; }
}
