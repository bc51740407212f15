using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Media.Transcoding;

namespace Mediaflow.Engine.Nodes;

public sealed partial class TranscodeNodeExecutor
{
    private sealed record AddOnFiles(IReadOnlyList<ClipSource> Audio, IReadOnlyList<AddOnSubtitleFile> Subtitles, IReadOnlyDictionary<int, string> WatermarkImages);

    /// <summary>
    /// The store objects a node adds: OverrideParameter's AddonAudioStream (probed) and AddOnSubtitles, and the pictures
    /// of its inline (Definition 0) watermarks. A missing object fails the node (<c>DownloadNotAccessible</c>, permanent).
    /// </summary>
    private async Task<(AddOnFiles? Files, NodeExecutionResult? Missing)> AddOnFilesAsync(NodeExecution execution, TranscodeTaskInput input, CancellationToken cancellationToken)
    {
        var audioInputs = input.OverrideParameter?.AddonAudioStream ?? [];
        var subtitleInputs = input.OverrideParameter?.AddOnSubtitles ?? [];
        var watermarks = input.WatermarkSet ?? [];
        var none = new AddOnFiles([], [], new Dictionary<int, string>());
        if (audioInputs.Count + subtitleInputs.Count == 0 && !watermarks.Any(w => w.Definition == 0))
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

        var subtitles = new List<AddOnSubtitleFile>();
        for (var i = 0; i < subtitleInputs.Count; i++)
        {
            var s = subtitleInputs[i];
            var (path, missing) = await FetchAsync(s.Subtitle, $"OverrideParameter.AddOnSubtitles[{i}].Subtitle");
            if (missing is not null)
            {
                return (null, missing);
            }

            subtitles.Add(await AddOnSubtitleFile.ReadAsync(path!, s.SubtitleName, s.SubtitleLanguage, s.DefaultTrack ?? false, cancellationToken));
        }

        var images = new Dictionary<int, string>();
        for (var k = 0; k < watermarks.Count; k++)
        {
            if (watermarks[k].Definition != 0)
            {
                continue;
            }

            var (path, missing) = await FetchAsync(watermarks[k].RawParameter?.ImageTemplate?.ImageContent, $"WatermarkSet[{k}].RawParameter.ImageTemplate.ImageContent");
            if (missing is not null)
            {
                return (null, missing);
            }

            images[k] = path!;
        }

        return (new AddOnFiles(audio, subtitles, images), null);
    }
}
