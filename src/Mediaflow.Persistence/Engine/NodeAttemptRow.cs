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
}
