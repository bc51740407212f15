namespace Mediaflow.Persistence.Engine;

/// <summary>The state and result of one action node of a task (key: TaskId + NodeIndex into Activities).</summary>
public sealed class NodeRunRow
{
    public string TaskId { get; set; } = "";
    public int NodeIndex { get; set; }
    public string ActivityType { get; set; } = "";
    public string Status { get; set; } = "WAITING";
    public string ErrCodeExt { get; set; } = "";
    public int ErrCode { get; set; }
    public string Message { get; set; } = "";
    public int Progress { get; set; }
    public string InputJson { get; set; } = "{}";
    public string? OutputJson { get; set; }

    /// <summary>Attempts started; failed attempts that count against the retry budget are in <see cref="FailedAttempts"/>.</summary>
    public int Attempts { get; set; }

    public int FailedAttempts { get; set; }

    /// <summary>Blob of this node's main output, the media its successors consume.</summary>
    public string? OutputBlobId { get; set; }

    public DateTimeOffset? BeginProcessTime { get; set; }
    public DateTimeOffset? FinishTime { get; set; }
}
