using System.Globalization;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Engine.Nodes.Fusion;
using Mediaflow.Engine.Tasks;
using Mediaflow.Media;
using Mediaflow.Media.Fusion;
using Mediaflow.Persistence.Engine;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// Sibling fusion (DESIGN §7.8): siblings that became runnable together on the same input run as one ffmpeg process.
/// Ownership: the handler whose RunNode starts first claims the siblings in the same transaction that starts its own
/// attempt (each gets its own attempt row, marked with the leader and the group); a claimed sibling's own RunNode then
/// finds the claim and returns. The leader records every member's result, its own last, so while it runs nobody else
/// touches the group. After a crash the leader's RunNode is redelivered (it is consumed only when the group is done)
/// and claims its group again; a leader found finished with members still claimed releases them to run alone.
/// If the shared process fails, or a member's output fails its checks, those members are re-run alone, each as a new
/// attempt, so only a member that fails alone FAILs.
/// </summary>
public sealed partial class RunNodeHandler
{
    /// <summary>Most nodes one shared process serves.</summary>
    public const int MaxFusedNodes = 8;

    private sealed record GroupMember(RunNode Message, NodeAttemptContext Context);

    /// <summary>
    /// Siblings this node may take into its process: same predecessors (so the same input and dispatched in the same
    /// commit), a fusable node type, never failed (a retry waits for its own delay and runs alone), and either WAITING or
    /// still claimed by this node from before a crash.
    /// </summary>
    private List<int> ClaimSiblings(TaskState state, int leader)
    {
        if (!options.SiblingFusion || !IsFusable(state.Activities[leader].ActivityType) || state.Node(leader).FailedAttempts > 0)
        {
            return [];
        }

        var graph = DagGraph.From(state.Activities);
        var predecessors = graph.Predecessors[leader];
        return [.. state.Nodes
            .Where(n => n.NodeIndex != leader && n.FailedAttempts == 0 && IsFusable(state.Activities[n.NodeIndex].ActivityType)
                && graph.Predecessors[n.NodeIndex].SequenceEqual(predecessors)
                && (TaskState.StatusOf(n) == NodeStatus.Waiting || (TaskState.StatusOf(n) == NodeStatus.Processing && ClaimedBy(state, n.NodeIndex) == leader)))
            .Select(n => n.NodeIndex)
            .Order()
            .Take(MaxFusedNodes - 1)];
    }

    private bool IsFusable(string? activityType) => executors.Any(e => e.ActivityType == activityType && e is IFusableNodeExecutor);

    /// <summary>The leader of the node's running fused attempt, if any.</summary>
    private static int? ClaimedBy(TaskState state, int node) =>
        state.Db.NodeAttempts.Where(a => a.TaskId == state.Task.TaskId && a.NodeIndex == node && a.Outcome == AttemptOutcomes.Running)
            .Select(a => a.FusedLeader).ToList().FirstOrDefault(l => l is not null);

    /// <summary>
    /// A finished leader still holding claimed siblings (a crash between their records): hand each back to run alone.
    /// Returns whether anything changed.
    /// </summary>
    private async Task<bool> ReleaseOrphansAsync(TaskState state, int leader, IMessageBus bus)
    {
        var changed = false;
        foreach (var node in state.Nodes.Where(n => n.NodeIndex != leader && TaskState.StatusOf(n) == NodeStatus.Processing && ClaimedBy(state, n.NodeIndex) == leader))
        {
            foreach (var stale in state.Db.NodeAttempts.Where(a => a.TaskId == state.Task.TaskId && a.NodeIndex == node.NodeIndex && a.Outcome == AttemptOutcomes.Running))
            {
                stale.Outcome = AttemptOutcomes.Interrupted;
                stale.FinishedAt = time.GetUtcNow();
            }

            TaskState.SetStatus(node, NodeStatus.Waiting);
            node.Progress = 0;
            await bus.PublishAsync(new RunNode(state.Task.TaskId, node.NodeIndex));
            changed = true;
        }

        return changed;
    }

    private static string FusedWith(IEnumerable<int> group, int self) =>
        string.Join(',', group.Where(i => i != self).Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Runs a claimed group: plan every member, one shared process for those that share an input, the rest alone.</summary>
    private async Task RunGroupAsync(IReadOnlyList<GroupMember> group, RunningTasks.Lease lease, CancellationToken cancellationToken)
    {
        var taskId = group[0].Message.TaskId;
        var contexts = group.ToDictionary(m => m.Message.NodeIndex, m => m.Context);
        var pending = new HashSet<int>(contexts.Keys);
        var directories = new List<string>();
        var commits = new Dictionary<int, Task<(NodeExecutionResult Result, string? BlobId)>>();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.AbortToken, shutdown.Token);
        // Commits stop on ManageTask Abort (the aborted nodes must not go on writing into the bucket) but not on shutdown:
        // a commit under way finishes, so its outputs and its result are recorded together.
        using var commitCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.AbortToken);
        try
        {
            var fused = await RunFusedAsync(group, directories, linked.Token);
            // The outputs of the members the shared process served go into the store side by side; their results are
            // still recorded one by one below, the leader last.
            foreach (var member in group.Where(m => fused.Results.TryGetValue(m.Message.NodeIndex, out var r) && r.Succeeded))
            {
                if (lease.AbortToken.IsCancellationRequested)
                {
                    break;
                }

                var index = member.Message.NodeIndex;
                commits[index] = CommitOutputsAsync(member.Message, contexts[index], fused.Results[index], commitCancellation.Token);
            }

            // Siblings first, the leader last: the leader's record is what ends its ownership of the group.
            foreach (var member in group.Skip(1).Append(group[0]))
            {
                var index = member.Message.NodeIndex;
                if (lease.AbortToken.IsCancellationRequested)
                {
                    return; // ManageTask Abort already FAILed the nodes and finished the task.
                }

                NodeExecutionResult result;
                string fusedWith;
                if (fused.Results.TryGetValue(index, out var shared))
                {
                    (result, fusedWith) = (shared, FusedWith(fused.Members, index));
                }
                else
                {
                    if (fused.Members.Contains(index))
                    {
                        // The shared process failed for this member: a new attempt, alone.
                        contexts[index] = await RestartAloneAsync(member.Message, contexts[index], fused.Failures[index], cancellationToken) ?? contexts[index];
                    }

                    var directory = Path.Combine(options.WorkDirectory, taskId, $"{index}-{contexts[index].Attempt}");
                    directories.Add(directory);
                    Directory.CreateDirectory(directory);
                    (result, fusedWith) = (await ExecuteAsync(member.Message, contexts[index], directory, linked.Token), "");
                }

                if (!result.Succeeded && shutdown.Token.IsCancellationRequested)
                {
                    break; // the failure may be the interruption itself: requeued below
                }

                string? outputBlobId = null;
                if (commits.TryGetValue(index, out var commit))
                {
                    (result, outputBlobId) = await commit;
                }
                else if (result.Succeeded)
                {
                    (result, outputBlobId) = await CommitOutputsAsync(member.Message, contexts[index], result, cancellationToken);
                }

                await RecordResultAsync(member.Message, contexts[index], result, outputBlobId, cancellationToken, fusedWith);
                pending.Remove(index);
            }

            if (pending.Count > 0 && !lease.AbortToken.IsCancellationRequested)
            {
                await RequeueGroupAsync(group, contexts, pending);
            }
        }
        catch (OperationCanceledException) when (lease.AbortToken.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // ManageTask Abort stopped the work; it already FAILed the nodes and finished the task.
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            await RequeueGroupAsync(group, contexts, pending);
        }
        finally
        {
            // The work files go only once no commit still reads them (their outcomes were taken above, or the group
            // was left early: aborted, or interrupted and requeued).
            await ((Task)Task.WhenAll(commits.Values)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var directory in directories)
            {
                TryDelete(directory);
            }
        }
    }

    private sealed record FusedOutcome(IReadOnlyList<int> Members, IReadOnlyDictionary<int, NodeExecutionResult> Results, IReadOnlyDictionary<int, NodeExecutionResult> Failures);

    /// <summary>
    /// Plans every member and runs the largest set that shares an input (two or more) as one process. Returns the members
    /// of that process, the results of those it served, and the failure of each it did not (to be re-run alone).
    /// </summary>
    private async Task<FusedOutcome> RunFusedAsync(IReadOnlyList<GroupMember> group, List<string> directories, CancellationToken cancellationToken)
    {
        var none = new FusedOutcome([], new Dictionary<int, NodeExecutionResult>(), new Dictionary<int, NodeExecutionResult>());
        var input = await inputs.ResolveAsync(group[0].Context.InputBlobId, cancellationToken);
        if (input.Path is not { } inputPath || group.Any(m => m.Context.InputBlobId != group[0].Context.InputBlobId))
        {
            return none; // each member runs alone and reports the problem itself
        }

        var plans = new List<(GroupMember Member, MediaPlan<NodeExecutionResult> Plan, string Key)>();
        foreach (var member in group)
        {
            var (message, context) = member;
            if (executors.SingleOrDefault(e => e.ActivityType == context.Activity.ActivityType) is not IFusableNodeExecutor executor)
            {
                continue;
            }

            var directory = Path.Combine(options.WorkDirectory, message.TaskId, $"{message.NodeIndex}-{context.Attempt}");
            directories.Add(directory);
            Directory.CreateDirectory(directory);
            var execution = new NodeExecution(message.TaskId, message.NodeIndex, context.Attempt, context.Activity, context.Templates,
                inputPath, context.InputKey, context.OutputDir, directory) { AppId = context.AppId };
            try
            {
                if (await executor.PlanAsync(execution, cancellationToken) is { } plan && JobFusion.InputKey(plan.Job) is { } key)
                {
                    plans.Add((member, plan, key));
                }
            }
            catch (Exception exception) when (exception is MediaFailure or InvalidOperationException or ArgumentException)
            {
                LogPlanRefused(message.TaskId, message.NodeIndex, exception.Message); // runs alone and fails or succeeds there
            }
        }

        var shared = plans.GroupBy(p => p.Key, StringComparer.Ordinal).OrderByDescending(g => g.Count()).FirstOrDefault(g => g.Count() > 1)?.ToList();
        if (shared is null)
        {
            return none;
        }

        var members = shared.Select(p => p.Member.Message.NodeIndex).ToList();
        var job = JobFusion.Fuse([.. shared.Select(p => p.Plan.Job)]);
        var reporters = shared.Select(p => new NodeProgressReporter(writer, notifications, p.Member.Message, p.Member.Context.Attempt, logger)).ToList();
        LogFused(group[0].Message.TaskId, string.Join(',', members));
        var results = new Dictionary<int, NodeExecutionResult>();
        var failures = new Dictionary<int, NodeExecutionResult>();
        try
        {
            var (run, views) = await fusion.RunAsync(job,
                [.. shared.Select((p, k) => new FusionRunner.Member(p.Plan.ExpectedSeconds, reporters[k], p.Plan.Job.FilterGraph.Sum(c => c.Filters.Count)))],
                cancellationToken);
            // The members' finishes (an ffprobe of each output, checksums) run side by side: they read separate files.
            var finished = await Task.WhenAll(shared.Select(async (plan, k) =>
            {
                try
                {
                    FusionRunner.ThrowIfFailed(run);
                    return (Result: await plan.Plan.FinishAsync(views[k], cancellationToken), Failure: (MediaFailure?)null);
                }
                catch (MediaFailure failure)
                {
                    return (Result: (NodeExecutionResult?)null, Failure: failure);
                }
            }));
            for (var k = 0; k < shared.Count; k++)
            {
                if (finished[k].Result is { } result)
                {
                    results[members[k]] = result;
                }
                else if (finished[k].Failure is { } failure)
                {
                    failures[members[k]] = NodeExecutionResult.Failed(failure.ErrCodeExt, $"shared process: {failure.Message}; re-run alone", failure.Retryable,
                        run.CommandLine, string.Join('\n', run.LogTail));
                }
            }
        }
        catch (MediaFailure failure)
        {
            // The watchdog or the start of the process failed: every member re-runs alone.
            foreach (var index in members)
            {
                failures[index] = NodeExecutionResult.Failed(failure.ErrCodeExt, $"shared process: {failure.Message}; re-run alone", failure.Retryable,
                    failure.CommandLine, string.Join('\n', failure.LogTail));
            }
        }
        finally
        {
            foreach (var reporter in reporters)
            {
                await reporter.FlushAsync();
            }
        }

        return new FusedOutcome(members, results, failures);
    }

    /// <summary>
    /// Closes a member's fused attempt as failed (the shared command and its log kept) without spending its retry budget,
    /// and starts a new attempt for its run alone. Null when the node is no longer this handler's (aborted meanwhile).
    /// </summary>
    private async Task<NodeAttemptContext?> RestartAloneAsync(RunNode message, NodeAttemptContext context, NodeExecutionResult failure, CancellationToken cancellationToken)
    {
        NodeAttemptContext? next = null;
        await writer.UpdateAsync(message.TaskId, (state, _) =>
        {
            next = null;
            var node = state.Node(message.NodeIndex);
            if (TaskState.StatusOf(node).IsTerminal() || node.Attempts != context.Attempt)
            {
                return Task.FromResult(false);
            }

            var now = time.GetUtcNow();
            var attempt = state.Db.NodeAttempts.Single(a => a.TaskId == message.TaskId && a.NodeIndex == message.NodeIndex && a.Attempt == context.Attempt);
            attempt.Outcome = AttemptOutcomes.Fail;
            attempt.ErrCodeExt = failure.ErrCodeExt;
            attempt.CommandLine = failure.CommandLine;
            attempt.LogTail = $"{failure.Message}\n{failure.LogTail}";
            attempt.FinishedAt = now;
            node.Attempts++;
            node.Progress = 0;
            state.Db.NodeAttempts.Add(new NodeAttemptRow
            {
                TaskId = message.TaskId,
                NodeIndex = message.NodeIndex,
                Attempt = node.Attempts,
                StartedAt = now,
                FusedLeader = attempt.FusedLeader,
            });
            next = context with { Attempt = node.Attempts };
            return Task.FromResult(true);
        }, cancellationToken);
        return next;
    }

    private async Task RequeueGroupAsync(IReadOnlyList<GroupMember> group, Dictionary<int, NodeAttemptContext> contexts, HashSet<int> pending)
    {
        LogInterrupted(group[0].Message.TaskId, group[0].Message.NodeIndex);
        foreach (var member in group.Where(m => pending.Contains(m.Message.NodeIndex)))
        {
            await RequeueAsync(member.Message, contexts[member.Message.NodeIndex]);
        }
    }

    [LoggerMessage(LogLevel.Information, "Task {TaskId}: nodes {Nodes} share one ffmpeg process")]
    private partial void LogFused(string taskId, string nodes);

    [LoggerMessage(LogLevel.Information, "Node {TaskId}/{NodeIndex} runs alone: {Reason}")]
    private partial void LogPlanRefused(string taskId, int nodeIndex, string reason);
}
