using System.Globalization;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Media;
using Mediaflow.Media.Ai.Erasing;
using Mediaflow.Media.Probing;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-SmartErase</c>, watermark erasing (docs/media-ai-analysis.md): the areas are the template's/raw
/// parameter's CustomAreas (method custom) or the detected static overlays (method auto; only those touching AutoAreas
/// when given); the input is written again with them delogo'd, committed like a transcode output
/// (<c>Output: {Path, OutputStorage}</c>, SDK <c>AiAnalysisTaskDelLogoOutput</c>); a successor consumes the erased video.
/// </summary>
public sealed class SmartEraseNodeExecutor(MediaProber prober, SmartEraser eraser) : INodeExecutor
{
    public const string OutputPattern = "{inputName}_smartErase_{definition}.{format}";

    public string ActivityType => ActivityTypes.SmartErase;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var input = execution.Activity.ActivityPara?.SmartEraseTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no SmartEraseTask");
        var config = input.Definition is null or 0
            ? input.RawParameter?.EraseWatermarkConfig
            : ImageNodes.Template(execution, SmartEraseTemplates.Family, input.Definition.Value).EraseWatermarkConfig;
        if (config is null)
        {
            return NodeExecutionResult.Failed(MediaErrorCodes.ConfigurationUnsupported, "no EraseWatermarkConfig", retryable: false);
        }

        try
        {
            var probe = await prober.ProbeAsync(execution.InputPath, cancellationToken);
            var video = probe.Video ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "the input has no video stream to erase");
            var regions = config.WatermarkEraseMethod == "custom"
                ? CustomRegions(config, video.Width, video.Height)
                : Within(await eraser.DetectStaticAreasAsync(execution.InputPath, probe, execution.WorkDirectory, cancellationToken), config.AutoAreas, video.Width, video.Height);
            var local = Path.Combine(execution.WorkDirectory, "erased.mp4");
            var command = await eraser.EraseAsync(execution.InputPath, probe, regions.Select(r => r.Region).ToList(), local, progress, cancellationToken);
            var key = OutputPaths.ObjectKey(execution.OutputDirectory, input.OutputObjectPath, OutputPattern,
                OutputPathVariables.ForInput(execution.InputKey, "mp4", input.Definition ?? 0));
            return new NodeExecutionResult
            {
                Succeeded = true,
                Files = [new ProducedFile(local, key, "video/mp4")],
                Output = new JsonObject
                {
                    ["Path"] = OutputPaths.WirePath(key),
                    ["MfEraseAreaSet"] = new JsonArray([.. regions.Select(r => (JsonNode)new JsonObject
                    {
                        ["X"] = r.Region.X, ["Y"] = r.Region.Y, ["Width"] = r.Region.Width, ["Height"] = r.Region.Height, ["Detected"] = r.Detected,
                    })]),
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

    private static List<(EraseRegion Region, bool Detected)> CustomRegions(SmartEraseWatermarkConfig config, long width, long height)
    {
        var regions = new List<(EraseRegion, bool)>();
        foreach (var time in config.CustomAreas ?? [])
        {
            if (time.BeginMs != 0 || time.EndMs != 0)
            {
                // Time-limited areas would need delogo's timeline support; refused at run time rather than erased all along.
                throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported,
                    string.Create(CultureInfo.InvariantCulture, $"CustomAreas with BeginMs/EndMs ({time.BeginMs}-{time.EndMs}) are not implemented; use 0/0 (the whole video)"));
            }

            foreach (var area in time.Areas ?? [])
            {
                var (x, y, w, h) = area.InPixels(width, height);
                regions.Add((new EraseRegion(x, y, w, h), false));
            }
        }

        return regions;
    }

    private static List<(EraseRegion Region, bool Detected)> Within(IReadOnlyList<EraseRegion> detected, IReadOnlyList<EraseArea>? autoAreas, long width, long height)
    {
        if (autoAreas is not { Count: > 0 })
        {
            return [.. detected.Select(r => (r, true))];
        }

        var boxes = autoAreas.Select(a => a.InPixels(width, height)).ToList();
        return [.. detected.Where(r => boxes.Any(b => r.X < b.X + b.Width && b.X < r.X + r.Width && r.Y < b.Y + b.Height && b.Y < r.Y + r.Height)).Select(r => (r, true))];
    }
}
