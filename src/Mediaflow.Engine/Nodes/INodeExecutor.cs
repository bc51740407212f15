namespace Mediaflow.Engine.Nodes;

/// <summary>
/// Runs one family of action nodes (transcode today; snapshots, QC and AI nodes plug in the same way). Executors do
/// the media work into the attempt's work directory and report files to commit; the engine owns state, outputs and
/// retries.
/// </summary>
public interface INodeExecutor
{
    /// <summary>The ActivityType this executor runs, e.g. <c>action-trans</c>.</summary>
    string ActivityType { get; }

    Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken);
}
