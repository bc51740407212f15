using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Domain.Templates;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Streaming;
using Mediaflow.Media.Transcoding;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-adaptive-substream</c>: the snapshotted AdaptiveDynamicStreaming template → the media layer's one-decode
/// ladder (HLS master + sub-stream playlists + segments, or a DASH manifest + fMP4 media), named by spec §8: the
/// manifest by OutputObjectPath, sub-streams and segments by SubStreamObjectName / SegmentObjectName in the manifest's
/// directory. WatermarkSet is drawn on every video sub-stream after its scaling (placed and sized on that rung's frame).
/// AddOnSubtitles objects are fetched and become HLS WebVTT subtitle renditions (playlist <c>m3u8</c>, segments <c>vtt</c>,
/// numbered after the template's sub-streams); a missing object fails the node (<c>DownloadNotAccessible</c>).
/// Usage: the clip's seconds once per sub-stream, banded by the largest rung's short side.
/// </summary>
public sealed class AdaptiveDynamicStreamingNodeExecutor(AdaptiveExecutor streamer, MediaProber prober, WatermarkPreparer watermarks, InputFiles inputs) : INodeExecutor
{
    public string ActivityType => ActivityTypes.AdaptiveDynamicStreaming;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = execution.Activity.ActivityPara?.AdaptiveDynamicStreamingTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no AdaptiveDynamicStreamingTask");
        var definition = input.Definition ?? 0;
        var template = ImageNodes.Template(execution, TemplateFamilies.AdaptiveDynamicStreaming, definition);
        if (input.DefinitionType == "PureAudio")
        {
            template = template with { PureAudio = 1 };
        }

        var dash = template.Format == "MPEG-DASH";
        var variables = OutputPathVariables.ForInput(execution.InputKey, dash ? "mpd" : "m3u8", definition);
        var key = OutputPaths.ObjectKey(execution.OutputDirectory, input.OutputObjectPath, OutputPaths.AdaptivePattern, variables);
        var directory = key[..(key.LastIndexOf('/') + 1)];
        var subStreamPattern = string.IsNullOrEmpty(input.SubStreamObjectName) ? OutputPaths.AdaptiveSubStreamPattern : input.SubStreamObjectName;
        var segmentPattern = string.IsNullOrEmpty(input.SegmentObjectName) ? OutputPaths.AdaptiveSegmentPattern : input.SegmentObjectName;
        var subStreamFormat = dash ? "mp4" : "m3u8";
        var segmentFormat = dash || template.SegmentType == "mp4-segment" ? "m4s" : "ts";
        var work = Directory.CreateDirectory(Path.Combine(execution.WorkDirectory, "adaptive")).FullName;
        var aes = input.DrmInfo?.SimpleAesDrm is { } drm ? new SimpleAesKey(drm.Key!, drm.Uri!, drm.Vector) : null;

        try
        {
            var source = await prober.ProbeAsync(execution.InputPath, cancellationToken);
            var marks = await NodeWatermarks.PrepareAsync(watermarks, inputs, execution, input.WatermarkSet, null, cancellationToken);
            var (subtitles, missingSubtitle) = await AddOnSubtitleObjects.FetchAsync(inputs, execution.AppId, input.AddOnSubtitles ?? [], "AddOnSubtitles", cancellationToken);
            if (missingSubtitle is not null)
            {
                return missingSubtitle;
            }

            var result = await streamer.StreamAsync(new AdaptiveRequest
            {
                SourcePath = execution.InputPath,
                Source = source,
                Template = template,
                WorkDirectory = work,
                ManifestFileName = Path.GetFileName(key),
                SubStreamFileName = n => OutputPaths.Render(subStreamPattern, variables with { Format = subStreamFormat, SubStreamNumber = n }),
                SegmentFileName = (n, s) => OutputPaths.Render(segmentPattern, variables with { Format = segmentFormat, SubStreamNumber = n, SegmentNumber = s }),
                SimpleAes = aes,
                Marks = marks,
                Subtitles = subtitles,
                SubtitleSegmentFileName = (n, s) => OutputPaths.Render(segmentPattern, variables with { Format = "vtt", SubStreamNumber = n, SegmentNumber = s }),
            }, progress, cancellationToken);

            var files = result.Files.Select(f => new ProducedFile(f.LocalPath, directory + f.FileName, f.ContentType)).ToList();
            var output = new JsonObject
            {
                ["Definition"] = definition,
                ["Package"] = template.Format,
                ["Path"] = OutputPaths.WirePath(key),
                ["WatermarkDefinition"] = NodeWatermarks.Definitions(input.WatermarkSet),
                ["MfSubStreamSet"] = new JsonArray([.. result.Variants.Select(v => (JsonNode)new JsonObject
                {
                    ["SubStreamNumber"] = v.Number,
                    ["Path"] = OutputPaths.WirePath(directory + v.Variant.Uri),
                    ["Bandwidth"] = v.Variant.PeakBandwidth,
                    ["AverageBandwidth"] = v.Variant.AverageBandwidth,
                    ["Width"] = v.Variant.Width,
                    ["Height"] = v.Variant.Height,
                })]),
            };
            var rungs = result.Variants.Select(v => v.Number).Distinct().Count();
            return new NodeExecutionResult
            {
                Succeeded = true,
                Files = files,
                Output = output,
                StorageMember = "Storage",
                CommandLine = result.CommandLine,
                LogTail = string.Join('\n', result.LogTail),
                OutputSeconds = result.Variants.Count == 0 ? 0 : result.Variants.Max(v => v.Variant.Duration) * rungs,
                OutputShortSide = (int)result.Variants.Select(v => Math.Min(v.Variant.Width, v.Variant.Height)).DefaultIfEmpty(0).Max(),
                OutputCodec = template.PureAudio == 1 ? "" : template.StreamInfos.Select(s => s.Video?.Codec ?? "").FirstOrDefault(c => c.Length > 0) ?? "",
            };
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }
}
