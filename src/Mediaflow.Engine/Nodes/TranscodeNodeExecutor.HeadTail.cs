using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Transcoding;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Nodes;

public sealed partial class TranscodeNodeExecutor
{
    /// <summary>
    /// HeadTailParameter's clips as local files with their probes: each a store object of the task's account, resolved
    /// like the task's input. A clip that does not exist fails the node (<c>DownloadNotAccessible</c>, permanent).
    /// </summary>
    private async Task<(IReadOnlyList<ClipSource> Heads, IReadOnlyList<ClipSource> Tails, NodeExecutionResult? Missing)> HeadTailClipsAsync(
        NodeExecution execution, HeadTailParameter? parameter, CancellationToken cancellationToken)
    {
        if (parameter is null || (parameter.HeadSet?.Count ?? 0) + (parameter.TailSet?.Count ?? 0) == 0)
        {
            return ([], [], null);
        }

        var appId = await AppIdAsync(execution, cancellationToken);
        var heads = new List<ClipSource>();
        var tails = new List<ClipSource>();
        foreach (var (set, clips, name) in new[] { (parameter.HeadSet, heads, "HeadSet"), (parameter.TailSet, tails, "TailSet") })
        {
            for (var i = 0; i < (set?.Count ?? 0); i++)
            {
                var file = await inputs.ResolveObjectAsync(appId, set![i].CosInputInfo!, cancellationToken);
                if (file.Path is not { } path)
                {
                    return ([], [], NodeExecutionResult.Failed(TaskErrorCodes.DownloadNotAccessible, $"HeadTailParameter.{name}[{i}]: {file.Problem}", file.Retryable));
                }

                clips.Add(new ClipSource(path, await prober.ProbeAsync(path, cancellationToken)));
            }
        }

        return (heads, tails, null);
    }

    /// <summary>SubtitleTemplate.SubtitleFileInput as a local file (null when the template burns the source's own track).</summary>
    private async Task<(string? Path, NodeExecutionResult? Missing)> SubtitleFileAsync(NodeExecution execution, TranscodeTemplate template, CancellationToken cancellationToken)
    {
        if (SubtitleBurnIn.Parse(template.SubtitleTemplate)?.File is not { } cos)
        {
            return (null, null);
        }

        var file = await inputs.ResolveObjectAsync(await AppIdAsync(execution, cancellationToken), cos, cancellationToken);
        return file.Path is { } path
            ? (path, null)
            : (null, NodeExecutionResult.Failed(TaskErrorCodes.DownloadNotAccessible, $"SubtitleTemplate.SubtitleFileInput: {file.Problem}", file.Retryable));
    }

    private async Task<long> AppIdAsync(NodeExecution execution, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tasks.AsNoTracking().Where(t => t.TaskId == execution.TaskId).Select(t => t.AppId).SingleAsync(cancellationToken);
    }
}
