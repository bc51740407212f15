using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Media;
using Mediaflow.Media.Ai.Erasing;
using Mediaflow.Media.Probing;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-SmartErase</c> (docs/media-ai-analysis.md). The areas, by <c>EraseType</c>:
/// <list type="bullet">
/// <item>watermark: the CustomAreas over their time ranges (method custom) or the detected static overlays (method
/// auto; only those touching AutoAreas when given), filled by <c>delogo</c>;</item>
/// <item>subtitle: the CustomAreas over their time ranges (custom) or the text lines OCR reads inside AutoAreas / the
/// lower half of the frame, over the times they are shown (auto), filled by <c>delogo</c>;</item>
/// <item>privacy: the faces the Haar cascade finds, tracked over the sampled frames, blurred or pixelized.</item>
/// </list>
/// The input is written again without them, committed like a transcode output (<c>Output: {Path, OutputStorage}</c>,
/// SDK <c>AiAnalysisTaskDelLogoOutput</c>, plus <c>MfEraseAreaSet</c>); a successor consumes the erased video.
/// </summary>
public sealed class SmartEraseNodeExecutor(MediaProber prober, SmartEraser eraser, EraseTargetFinder finder) : INodeExecutor
{
    public const string OutputPattern = "{inputName}_smartErase_{definition}.{format}";

    public string ActivityType => ActivityTypes.SmartErase;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(progress);
        var input = execution.Activity.ActivityPara?.SmartEraseTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no SmartEraseTask");
        var (eraseType, watermark, subtitle, privacy) = Configuration(execution, input);
        try
        {
            var probe = await prober.ProbeAsync(execution.InputPath, cancellationToken);
            var video = probe.Video ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "the input has no video stream to erase");
            var find = new Progress<double>(p => progress.Report(p * 0.5));
            IReadOnlyList<TimedErase> erases = eraseType switch
            {
                "subtitle" when subtitle is not null => subtitle.SubtitleEraseMethod == "custom"
                    ? Custom(subtitle.CustomAreas, "subtitle", video.Width, video.Height)
                    : await finder.FindSubtitlesAsync(execution.InputPath, probe.Duration, (int)video.Width, (int)video.Height, Pixels(subtitle.AutoAreas, video.Width, video.Height),
                        subtitle.SubtitleModel == "area", execution.WorkDirectory, find, cancellationToken),
                "privacy" when privacy is not null =>
                    await finder.FindFacesAsync(execution.InputPath, probe.Duration, privacy.PrivacyModel == "mosaic" ? EraseFill.Mosaic : EraseFill.Blur, execution.WorkDirectory, find, cancellationToken),
                "watermark" when watermark is not null => watermark.WatermarkEraseMethod == "custom"
                    ? Custom(watermark.CustomAreas, "watermark", video.Width, video.Height)
                    : Within(await eraser.DetectStaticAreasAsync(execution.InputPath, probe, execution.WorkDirectory, cancellationToken), Pixels(watermark.AutoAreas, video.Width, video.Height)),
                _ => throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"no configuration for EraseType {eraseType}"),
            };
            var local = Path.Combine(execution.WorkDirectory, "erased.mp4");
            var command = await eraser.EraseAsync(execution.InputPath, probe, erases, local, new Progress<double>(p => progress.Report(50 + (p * 0.5))), cancellationToken);
            var key = OutputPaths.ObjectKey(execution.OutputDirectory, input.OutputObjectPath, OutputPattern,
                OutputPathVariables.ForInput(execution.InputKey, "mp4", input.Definition ?? 0));
            return new NodeExecutionResult
            {
                Succeeded = true,
                Files = [new ProducedFile(local, key, "video/mp4")],
                Output = new JsonObject
                {
                    ["Path"] = OutputPaths.WirePath(key),
                    ["MfEraseAreaSet"] = new JsonArray([.. erases.Select(Area)]),
                },
                CommandLine = command,
                OutputSeconds = probe.Duration,
                OutputShortSide = (int)Math.Min(video.Width, video.Height),
            };
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }

    private static (string? EraseType, SmartEraseWatermarkConfig? Watermark, SmartEraseSubtitleConfig? Subtitle, SmartErasePrivacyConfig? Privacy) Configuration(NodeExecution execution, SmartEraseTaskInput input)
    {
        if (input.Definition is null or 0)
        {
            var raw = input.RawParameter;
            return (raw?.EraseType, raw?.EraseWatermarkConfig, raw?.EraseSubtitleConfig, raw?.ErasePrivacyConfig);
        }

        var template = ImageNodes.Template(execution, SmartEraseTemplates.Family, input.Definition.Value);
        return (template.EraseType, template.EraseWatermarkConfig, template.EraseSubtitleConfig, template.ErasePrivacyConfig);
    }

    private static JsonNode Area(TimedErase erase)
    {
        var area = new JsonObject
        {
            ["X"] = erase.Region.X, ["Y"] = erase.Region.Y, ["Width"] = erase.Region.Width, ["Height"] = erase.Region.Height, ["Detected"] = erase.Detected,
            ["Type"] = erase.Kind,
            ["StartTimeOffset"] = erase.Start,
        };
        if (erase.End is { } end)
        {
            area["EndTimeOffset"] = end;
        }

        if (erase.Text is not null)
        {
            area["Text"] = erase.Text;
        }

        return area;
    }

    /// <summary>Given areas over their time ranges (BeginMs/EndMs; EndMs 0 = to the end), filled by delogo.</summary>
    private static List<TimedErase> Custom(IReadOnlyList<EraseTimeArea>? custom, string kind, long width, long height) =>
        [.. (custom ?? []).SelectMany(time => (time.Areas ?? []).Select(area =>
        {
            var (x, y, w, h) = area.InPixels(width, height);
            return new TimedErase(new EraseRegion(x, y, w, h), time.BeginMs / 1000.0, time.EndMs == 0 ? null : time.EndMs / 1000.0, EraseFill.Delogo, kind, Detected: false);
        }))];

    private static List<EraseRegion> Pixels(IReadOnlyList<EraseArea>? areas, long width, long height) =>
        [.. (areas ?? []).Select(a => a.InPixels(width, height)).Select(p => new EraseRegion(p.X, p.Y, p.Width, p.Height))];

    private static List<TimedErase> Within(IReadOnlyList<EraseRegion> detected, List<EraseRegion> autoAreas) =>
        [.. detected.Where(r => autoAreas.Count == 0 || autoAreas.Any(b => SubtitleAreas.Touches(b, r)))
            .Select(r => new TimedErase(r, 0, null, EraseFill.Delogo, "watermark", Detected: true))];
}
