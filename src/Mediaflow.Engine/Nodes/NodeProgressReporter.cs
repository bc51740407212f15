using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Notifications;
using Mediaflow.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// Records a running node's progress at every 10 % step (and sends Change-mode progress events), in order, off the
/// media path: FFmpeg's progress callback only queues the write. A failed progress write is logged, never fatal.
/// </summary>
internal sealed partial class NodeProgressReporter(
    TaskStateWriter writer,
    NotificationOutbox notifications,
    RunNode node,
    int attempt,
    ILogger logger) : IProgress<double>
{
    private readonly Lock _gate = new();
    private Task _writes = Task.CompletedTask;
    private int _lastStep;

    public void Report(double value)
    {
        var step = (int)Math.Clamp(Math.Floor(value / 10) * 10, 0, 90);
        lock (_gate)
        {
            if (step <= _lastStep)
            {
                return;
            }

            _lastStep = step;
            _writes = _writes.ContinueWith(_ => WriteAsync(step), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    public Task FlushAsync()
    {
        lock (_gate)
        {
            return _writes;
        }
    }

    private async Task WriteAsync(int percent)
    {
        try
        {
            await writer.UpdateAsync(node.TaskId, async (state, bus) =>
            {
                var row = state.Node(node.NodeIndex);
                if (row.Attempts != attempt || TaskState.StatusOf(row) != NodeStatus.Processing || row.Progress >= percent)
                {
                    return false;
                }

                row.Progress = percent;
                await notifications.EnqueueAsync(state, NotificationKind.NodeProgress, bus);
                return true;
            }, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogProgressWriteFailed(exception, node.TaskId, node.NodeIndex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not record progress of {TaskId}/{NodeIndex}")]
    private partial void LogProgressWriteFailed(Exception exception, string taskId, int nodeIndex);
}
