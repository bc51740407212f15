namespace Mediaflow.Domain.Tasks;

/// <summary>The states of one node run (DESIGN §7.1). Wire names are the upper-case member names.</summary>
public enum NodeStatus
{
    Waiting,
    Processing,
    Success,
    Fail,
    Skipped,
}
