namespace Mediaflow.Domain.Tasks;

/// <summary>Task-flow states on the wire: FINISH does not mean success (per-node results say that).</summary>
public static class TaskFlowStatus
{
    public const string Waiting = "WAITING";
    public const string Processing = "PROCESSING";
    public const string Finish = "FINISH";
}
