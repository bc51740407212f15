namespace Mediaflow.Persistence.Engine;

/// <summary>One execution attempt of a node, with the exact FFmpeg command line and the tail of its log.</summary>
public sealed class NodeAttemptRow
{
    public long Id { get; set; }
    public string TaskId { get; set; } = "";
    public int NodeIndex { get; set; }
    public int Attempt { get; set; }
    public string Outcome { get; set; } = "RUNNING"; // see Engine.Nodes.AttemptOutcomes
    public string ErrCodeExt { get; set; } = "";
    public string CommandLine { get; set; } = "";
    public string LogTail { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Sibling fusion: the node whose handler runs this attempt in its shared process (itself when leading); null = ran alone.</summary>
    public int? FusedLeader { get; set; }

    /// <summary>Sibling fusion: the other nodes of the shared process, comma-separated indexes; "" = ran alone.</summary>
    public string FusedWith { get; set; } = "";
}
