using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Nodes.Fusion;
using Mediaflow.Engine.Notifications;
using Mediaflow.Engine.Tasks;
using Mediaflow.Engine.Triggers;
using Mediaflow.Media.Fusion;
using Mediaflow.Persistence.Engine;
using Mediaflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// Runs one attempt of one node: (1) commit PROCESSING and a new attempt row, (2) do the media work outside any
/// transaction into an attempt-scoped work directory, (3) commit the output objects to the store, (4) commit the
/// result with the next dispatches. At-least-once: after a crash the RunNode message is redelivered and a new attempt
/// runs; outputs go to the same keys, so each node ends with exactly one committed output per key.
/// </summary>
public sealed partial class RunNodeHandler(
    TaskStateWriter writer,
    TaskProgression progression,
    NotificationOutbox notifications,
    IEnumerable<INodeExecutor> executors,
    InputFiles inputs,
    IOutputSink outputs,
    RunningTasks running,
    NodeSlots slots,
    NodeShutdown shutdown,
    FusionRunner fusion,
    EngineOptions options,
    TimeProvider time,
    ILogger<RunNodeHandler> logger)
{
    /// <summary>
    /// A handed-back RunNode is scheduled a little later rather than sent now: while this process is stopping, an
    /// immediate one could be picked up again here and interrupted again; a scheduled one waits in the durable inbox
    /// for the next process.
    /// </summary>
    private static DeliveryOptions HandBack => new() { ScheduleDelay = TimeSpan.FromSeconds(1) };

    /// <summary>How many of a node's secondary output files are written into the store at once.</summary>
    private const int OutputCommitParallelism = 8;

    public async Task Handle(RunNode message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (shutdown.Token.IsCancellationRequested)
        {
            // Picked up after the grace ended (before Wolverine stopped intake): leave it to the next process untouched.
            await HandBackAsync(message);
            return;
        }

        var priority = await writer.ReadPriorityAsync(message.TaskId, cancellationToken);
        if (priority is null)
        {
            return;
        }

        NodeSlots.Slot slot;
        using (var waitOrStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token))
        {
            try
            {
                slot = await slots.AcquireAsync(priority.Value, waitOrStop.Token);
            }
            catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
            {
                await HandBackAsync(message); // still queued for a slot when the grace ended: the next process runs it
                return;
            }
        }

        using var heldSlot = slot;

        // Registered before PROCESSING is committed, so an Abort committed at any point after that reaches this work.
        using var lease = running.Enter(message.TaskId);
        var group = await StartAttemptAsync(message, cancellationToken);
        if (group is null)
        {
            return;
        }

        if (group.Count > 1)
        {
            await RunGroupAsync(group, lease, cancellationToken);
            return;
        }

        var context = group[0].Context;

        var workDirectory = Path.Combine(options.WorkDirectory, message.TaskId, $"{message.NodeIndex}-{context.Attempt}");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.AbortToken, shutdown.Token);
        try
        {
            Directory.CreateDirectory(workDirectory);
            var result = await ExecuteAsync(message, context, workDirectory, linked.Token);
            if (lease.AbortToken.IsCancellationRequested)
            {
                return; // ManageTask Abort already FAILed the node and finished the task.
            }

            if (!result.Succeeded && shutdown.Token.IsCancellationRequested)
            {
                // The failure may be the interruption itself (FFmpeg stopped mid-way): requeue rather than judge the node.
                LogInterrupted(message.TaskId, message.NodeIndex);
                await RequeueAsync(message, context);
                return;
            }

            string? outputBlobId = null;
            if (result.Succeeded && result.Files.Count > 0)
            {
                (result, outputBlobId) = await CommitOutputsAsync(message, context, result, cancellationToken);
            }

            await RecordResultAsync(message, context, result, outputBlobId, cancellationToken);
        }
        catch (OperationCanceledException) when (lease.AbortToken.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // ManageTask Abort stopped the work; it already FAILed the node and finished the task. An outcome, not a
            // handler failure: the message must not be retried or dead-lettered.
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            // Shutdown interrupted the attempt: hand the node back for the next process on this database.
            LogInterrupted(message.TaskId, message.NodeIndex);
            await RequeueAsync(message, context);
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    /// <summary>
    /// Commits PROCESSING and a new attempt for the node and, with sibling fusion on, for the siblings it claims (see
    /// <see cref="ClaimSiblings"/>); returns them, this node first, or null when there is nothing to run here: the node is
    /// finished, or another node's handler claimed it for its shared process (that handler owns it now).
    /// </summary>
    private async Task<IReadOnlyList<GroupMember>?> StartAttemptAsync(RunNode message, CancellationToken cancellationToken)
    {
        List<GroupMember>? group = null;
        await writer.UpdateAsync(message.TaskId, async (state, bus) =>
        {
            group = null;
            var node = state.Node(message.NodeIndex);
            if (state.Task.Status == TaskFlowStatus.Finish || TaskState.StatusOf(node).IsTerminal())
            {
                return await ReleaseOrphansAsync(state, message.NodeIndex, bus);
            }

            var running = state.Db.NodeAttempts.Where(a => a.TaskId == message.TaskId && a.NodeIndex == message.NodeIndex && a.Outcome == AttemptOutcomes.Running).ToList();
            if (TaskState.StatusOf(node) == NodeStatus.Processing && running.Any(a => a.FusedLeader is { } leader && leader != message.NodeIndex))
            {
                return false; // claimed by a sibling's shared process: its handler runs and records this node
            }

            var now = time.GetUtcNow();
            var siblings = ClaimSiblings(state, message.NodeIndex);
            group = [];
            foreach (var index in siblings.Prepend(message.NodeIndex))
            {
                var row = state.Node(index);
                // An attempt still RUNNING here was cut off by a shutdown or a crash of this process: say so in its record.
                foreach (var stale in state.Db.NodeAttempts.Where(a => a.TaskId == message.TaskId && a.NodeIndex == index && a.Outcome == AttemptOutcomes.Running))
                {
                    stale.Outcome = AttemptOutcomes.Interrupted;
                    stale.FinishedAt = now;
                }

                TaskState.SetStatus(row, NodeStatus.Processing);
                row.Attempts++;
                row.Progress = 0;
                row.BeginProcessTime ??= now;
                state.Db.NodeAttempts.Add(new NodeAttemptRow
                {
                    TaskId = message.TaskId,
                    NodeIndex = index,
                    Attempt = row.Attempts,
                    StartedAt = now,
                    FusedLeader = siblings.Count > 0 ? message.NodeIndex : null,
                    FusedWith = FusedWith(siblings.Prepend(message.NodeIndex), index),
                });
                group.Add(new GroupMember(index == message.NodeIndex ? message : new RunNode(message.TaskId, index), CaptureContext(state, index, row.Attempts)));
            }

            await notifications.EnqueueAsync(state, NotificationKind.NodeChanged, bus);
            return true;
        }, cancellationToken);
        return group;
    }

    private static NodeAttemptContext CaptureContext(TaskState state, int nodeIndex, int attempt)
    {
        var task = state.Task;
        var activity = state.Activities[nodeIndex];
        // A node consumes the output of its nearest media-producing ancestor, the source when there is none.
        var inputBlob = MediaLineage.InputBlobOf(state, nodeIndex);
        var cos = activity.ActivityPara?.NodeOutputStorage?.CosOutputStorage;
        return new NodeAttemptContext(
            task.AppId,
            task.ScheduleId,
            task.ResourceId,
            attempt,
            activity,
            JsonNode.Parse(task.TemplatesJson)!.AsObject(),
            inputBlob,
            task.InputKey,
            task.InputLineageDepth,
            string.IsNullOrEmpty(cos?.Bucket) ? task.OutputBucket : cos.Bucket,
            string.IsNullOrEmpty(cos?.Region) ? task.OutputRegion : cos.Region,
            task.OutputDir,
            task.InputBlobId) { Source = ExternalSources.IsExternal(task.InputBlobId) ? null : new SourceObject(task.InputBucket, task.InputRegion, task.InputKey) };
    }

    private async Task<NodeExecutionResult> ExecuteAsync(RunNode message, NodeAttemptContext context, string workDirectory, CancellationToken cancellationToken)
    {
        var executor = executors.SingleOrDefault(e => e.ActivityType == context.Activity.ActivityType);
        if (executor is null)
        {
            return NodeExecutionResult.Failed(TaskErrorCodes.ConfigurationUnsupported, $"no executor for {context.Activity.ActivityType}", retryable: false);
        }

        var input = await inputs.ResolveAsync(context.InputBlobId, cancellationToken);
        if (input.Path is not { } inputPath)
        {
            return NodeExecutionResult.Failed(TaskErrorCodes.DownloadNotAccessible, $"the node's input: {input.Problem}", input.Retryable);
        }

        var execution = new NodeExecution(message.TaskId, message.NodeIndex, context.Attempt, context.Activity, context.Templates,
            inputPath, context.InputKey, context.OutputDir, workDirectory) { SourceBlobId = context.SourceBlobId, AppId = context.AppId, Source = context.InputBlobId == context.SourceBlobId ? context.Source : null };
        var progress = new NodeProgressReporter(writer, notifications, message, context.Attempt, logger);
        try
        {
            return await executor.ExecuteAsync(execution, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogExecutorCrash(exception, message.TaskId, message.NodeIndex);
            return NodeExecutionResult.Failed(TaskErrorCodes.InternalError, "internal error while running the node", retryable: true);
        }
        finally
        {
            await progress.FlushAsync();
        }
    }

    private async Task<(NodeExecutionResult Result, string? BlobId)> CommitOutputsAsync(
        RunNode message, NodeAttemptContext context, NodeExecutionResult result, CancellationToken cancellationToken)
    {
        var lineage = new ObjectLineage(message.TaskId, context.ScheduleId, context.LineageDepth + 1);
        string? mainBlob = null;
        if (result.Files.Count == 0)
        {
            return (result, null); // a report-only node (AI recognition): nothing to commit
        }

        try
        {
            // Segments before the playlist: a reader that sees the main file can fetch everything it names. The others
            // (segments, snapshots, a sprite's VTT) go in together: each writes and fsyncs its own blob while the store
            // commits their rows in groups (one transaction for those that arrive together), instead of one after another.
            await Parallel.ForEachAsync(result.Files.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = OutputCommitParallelism, CancellationToken = cancellationToken },
                async (file, ct) => await outputs.PutFileAsync(message.TaskId,
                    new PutFileRequest(context.AppId, context.OutputBucket, file.Key, file.LocalPath, file.ContentType, lineage), ct));
            var main = result.Files[0];
            var placed = await outputs.PutFileAsync(message.TaskId,
                new PutFileRequest(context.AppId, context.OutputBucket, main.Key, main.LocalPath, main.ContentType, lineage), cancellationToken);
            mainBlob = placed.BlobId;
            if (placed.WireStorage is not null && result.Output is not null)
            {
                result.Output[result.StorageMember] = placed.WireStorage;
            }

            if (placed.WireStorage is { } storage)
            {
                foreach (var holder in result.StorageHolders)
                {
                    holder[result.StorageMember] = storage.DeepClone();
                }
            }

            return (result, mainBlob);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            LogCommitFailed(exception, message.TaskId, message.NodeIndex);
            return (NodeExecutionResult.Failed(TaskErrorCodes.InternalError, $"could not write the output: {exception.Message}", retryable: true,
                result.CommandLine, result.LogTail), null);
        }
    }

    /// <param name="fusedWith">Sibling fusion: the other nodes the attempt actually shared its process with ("" = it ran alone); null = as claimed.</param>
    private async Task RecordResultAsync(RunNode message, NodeAttemptContext context, NodeExecutionResult result, string? outputBlobId, CancellationToken cancellationToken,
        string? fusedWith = null)
    {
        await writer.UpdateAsync(message.TaskId, async (state, bus) =>
        {
            var node = state.Node(message.NodeIndex);
            if (TaskState.StatusOf(node).IsTerminal() || node.Attempts != context.Attempt)
            {
                return false; // aborted meanwhile, or a newer attempt owns the node
            }

            var now = time.GetUtcNow();
            var attempt = state.Db.NodeAttempts.Local.SingleOrDefault(a => a.TaskId == message.TaskId && a.NodeIndex == message.NodeIndex && a.Attempt == context.Attempt)
                ?? state.Db.NodeAttempts.Single(a => a.TaskId == message.TaskId && a.NodeIndex == message.NodeIndex && a.Attempt == context.Attempt);
            attempt.Outcome = result.Succeeded ? AttemptOutcomes.Success : AttemptOutcomes.Fail;
            attempt.ErrCodeExt = result.ErrCodeExt;
            attempt.CommandLine = result.CommandLine;
            attempt.LogTail = result.LogTail;
            attempt.FinishedAt = now;
            attempt.FusedWith = fusedWith ?? attempt.FusedWith;

            if (!result.Succeeded && result.Retryable && node.FailedAttempts + 1 < options.MaxNodeAttempts)
            {
                node.FailedAttempts++;
                TaskState.SetStatus(node, NodeStatus.Waiting);
                node.Message = $"attempt {context.Attempt} failed ({result.ErrCodeExt}: {result.Message}); retrying";
                var delay = options.NodeRetryDelay * Math.Pow(2, node.FailedAttempts - 1);
                await bus.PublishAsync(new RunNode(message.TaskId, message.NodeIndex), new DeliveryOptions { ScheduleDelay = delay });
                return true;
            }

            ApplyTerminalResult(state, node, context, result, outputBlobId, now);
            await notifications.EnqueueAsync(state, NotificationKind.NodeChanged, bus);
            await progression.AdvanceAsync(state, message.NodeIndex, bus);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The attempt was interrupted by shutdown: the node goes back to WAITING without spending a retry and its RunNode is
    /// published again in the same commit, so the next process on this database runs it as a new attempt. (A crash
    /// instead of a graceful stop gets the same outcome from the durable inbox redelivering the original message.)
    /// </summary>
    private async Task RequeueAsync(RunNode message, NodeAttemptContext context)
    {
        await writer.UpdateAsync(message.TaskId, async (state, bus) =>
        {
            var node = state.Node(message.NodeIndex);
            if (TaskState.StatusOf(node).IsTerminal() || node.Attempts != context.Attempt)
            {
                return false;
            }

            var attempt = await state.Db.NodeAttempts.SingleAsync(
                a => a.TaskId == message.TaskId && a.NodeIndex == message.NodeIndex && a.Attempt == context.Attempt, CancellationToken.None);
            attempt.Outcome = AttemptOutcomes.Interrupted;
            attempt.FinishedAt = time.GetUtcNow();
            TaskState.SetStatus(node, NodeStatus.Waiting);
            node.Progress = 0;
            node.Message = $"attempt {context.Attempt} interrupted by shutdown; it runs again after restart";
            await bus.PublishAsync(new RunNode(message.TaskId, message.NodeIndex), HandBack);
            return true;
        }, CancellationToken.None);
    }

    /// <summary>Publishes the RunNode again for later, changing nothing else (the node has not started here).</summary>
    private async Task HandBackAsync(RunNode message)
    {
        await writer.UpdateAsync(message.TaskId, async (state, bus) =>
        {
            await bus.PublishAsync(new RunNode(message.TaskId, message.NodeIndex), HandBack);
            return true;
        }, CancellationToken.None);
    }

    private static void ApplyTerminalResult(TaskState state, NodeRunRow node, NodeAttemptContext context, NodeExecutionResult result, string? outputBlobId, DateTimeOffset now)
    {
        node.FinishTime = now;
        if (result.Succeeded)
        {
            TaskState.SetStatus(node, NodeStatus.Success);
            node.Progress = 100;
            node.ErrCodeExt = "";
            node.ErrCode = 0;
            node.Message = "SUCCESS";
            node.OutputBlobId = result.PassesInputThrough ? context.InputBlobId : outputBlobId;
            var output = result.Output ?? [];
            if (result.StorageMember.Length > 0)
            {
                foreach (var holder in result.StorageHolders.Prepend(output))
                {
                    holder[result.StorageMember] ??= new JsonObject
                    {
                        ["Type"] = "COS",
                        ["CosOutputStorage"] = new JsonObject { ["Bucket"] = context.OutputBucket, ["Region"] = context.OutputRegion },
                    };
                }
            }

            node.OutputJson = result.OutputSet?.ToJsonString(EngineJson.Options) ?? output.ToJsonString(EngineJson.Options);

            state.Db.Usage.Add(new UsageRow
            {
                AppId = context.AppId,
                TaskId = node.TaskId,
                NodeIndex = node.NodeIndex,
                ScheduleId = context.ScheduleId,
                ResourceId = context.ResourceId,
                NodeType = node.ActivityType,
                OutputSeconds = result.OutputSeconds,
                Band = UsageBands.ForShortSide(result.OutputShortSide),
                Codec = result.OutputCodec,
                RecordedAt = now,
            });
            return;
        }

        if (result.Retryable)
        {
            node.FailedAttempts++;
        }

        TaskState.SetStatus(node, NodeStatus.Fail);
        node.ErrCodeExt = result.ErrCodeExt;
        node.ErrCode = TaskErrorCodes.NumericCode(result.ErrCodeExt);
        node.Message = result.Message;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the work-directory sweep; never fails the node.
        }
    }

    [LoggerMessage(LogLevel.Information, "Node {TaskId}/{NodeIndex} interrupted by shutdown; requeued to run again after restart")]
    private partial void LogInterrupted(string taskId, int nodeIndex);

    [LoggerMessage(LogLevel.Error, "Node {TaskId}/{NodeIndex}: executor crashed")]
    private partial void LogExecutorCrash(Exception exception, string taskId, int nodeIndex);

    [LoggerMessage(LogLevel.Error, "Node {TaskId}/{NodeIndex}: committing outputs failed")]
    private partial void LogCommitFailed(Exception exception, string taskId, int nodeIndex);
}
