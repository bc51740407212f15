namespace Mediaflow.Domain.Orchestrations;

/// <summary>One node of an orchestration's DAG (wire model, reference/mps-api.md §6). Indexes are 0-based into the Activities array.</summary>
public sealed record Activity
{
    public string? ActivityType { get; init; }

    /// <summary>Successor indexes; spelled <c>ReardriveIndex</c> on the wire.</summary>
    public IReadOnlyList<long>? ReardriveIndex { get; init; }

    /// <summary>Predecessor indexes: ignored on Create/Modify, computed by the server for Describe.</summary>
    public IReadOnlyList<long>? PredriveIndex { get; init; }

    public ActivityPara? ActivityPara { get; init; }
}
