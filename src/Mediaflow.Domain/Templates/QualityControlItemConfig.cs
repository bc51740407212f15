using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Templates;

/// <summary>One item of a quality-control template (spec §13.8 QualityControlItemConfig); times in milliseconds.</summary>
public sealed record QualityControlItemConfig
{
    public string? Type { get; init; }

    /// <summary><c>ON</c> (the default when absent) or <c>OFF</c>.</summary>
    public string? Switch { get; init; }

    /// <summary><c>Time</c> (sampling every <see cref="IntervalTime"/>), the only sampling the spec defines.</summary>
    public string? Sampling { get; init; }

    public long? IntervalTime { get; init; }

    /// <summary>How long an anomaly must last to be reported.</summary>
    public long? Duration { get; init; }

    /// <summary>Item-specific threshold (docs/quality-control*.md give each item's meaning and default).</summary>
    public string? Threshold { get; init; }

    [JsonIgnore]
    public bool IsOn => Switch is null or "ON";
}
