namespace Mediaflow.Engine.Nodes;

/// <summary>Outcomes of a node attempt as recorded in <c>node_attempts</c> and shown in <c>MfAttempts</c>.</summary>
public static class AttemptOutcomes
{
    public const string Running = "RUNNING";
    public const string Success = "SUCCESS";
    public const string Fail = "FAIL";

    /// <summary>Cut off by a shutdown or a crash; the node ran again without spending an attempt of its retry budget.</summary>
    public const string Interrupted = "INTERRUPTED";
}
