namespace Mediaflow.Persistence.Engine;

/// <summary>Usage facts recorded when a node succeeds (DESIGN §7.7): output media seconds by node type and resolution band.</summary>
public sealed class UsageRow
{
    public long Id { get; set; }
    public long AppId { get; set; }
    public string TaskId { get; set; } = "";
    public int NodeIndex { get; set; }
    public long ScheduleId { get; set; }
    public string ResourceId { get; set; } = "";
    public string NodeType { get; set; } = "";
    public double OutputSeconds { get; set; }
    public string Band { get; set; } = "";

    /// <summary>The output's video codec as ffprobe names it ("" when none); see M0013.</summary>
    public string Codec { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
