using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Engine.Nodes;

public sealed partial class TranscodeNodeExecutor
{
    private sealed record AddOnFiles(IReadOnlyList<ClipSource> Audio, IReadOnlyList<AddOnSubtitleFile> Subtitles);

    /// <summary>
    /// The store objects a node adds: OverrideParameter's AddonAudioStream (probed) and AddOnSubtitles (the pictures of
    /// inline watermarks are fetched by <see cref="NodeWatermarks"/>). A missing object fails the node (<c>DownloadNotAccessible</c>, permanent).
    /// </summary>
    private async Task<(AddOnFiles? Files, NodeExecutionResult? Missing)> AddOnFilesAsync(NodeExecution execution, TranscodeTaskInput input, CancellationToken cancellationToken)
    {
        var audioInputs = input.OverrideParameter?.AddonAudioStream ?? [];
        var subtitleInputs = input.OverrideParameter?.AddOnSubtitles ?? [];
        var none = new AddOnFiles([], []);
        if (audioInputs.Count + subtitleInputs.Count == 0)
        {
            return (none, null);
        }

        var appId = await AppIdAsync(execution, cancellationToken);
        async Task<(string? Path, NodeExecutionResult? Missing)> FetchAsync(MediaInputInfo? info, string field)
        {
            var file = await inputs.ResolveObjectAsync(appId, info?.CosInputInfo ?? new CosInputInfo(), cancellationToken);
            return file.Path is { } path ? (path, null) : (null, NodeExecutionResult.Failed(TaskErrorCodes.DownloadNotAccessible, $"{field}: {file.Problem}", file.Retryable));
        }

        var audio = new List<ClipSource>();
        for (var i = 0; i < audioInputs.Count; i++)
        {
            var (path, missing) = await FetchAsync(audioInputs[i], $"OverrideParameter.AddonAudioStream[{i}]");
            if (missing is not null)
            {
                return (null, missing);
            }

            audio.Add(new ClipSource(path!, await prober.ProbeAsync(path!, cancellationToken)));
        }

        var (subtitles, missingSubtitle) = await AddOnSubtitleObjects.FetchAsync(inputs, appId, subtitleInputs, "OverrideParameter.AddOnSubtitles", cancellationToken);
        return missingSubtitle is null ? (new AddOnFiles(audio, subtitles), null) : (null, missingSubtitle);
    }
}
