using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Engine.Nodes;

/// <summary>A node's WatermarkSet/MosaicSet → the files and layers the media layer draws (templates from the task's snapshot).</summary>
internal static class NodeWatermarks
{
    /// <param name="inlineImages">Local pictures of the inline (Definition 0) watermarks, by their index in the set.</param>
    public static Task<VideoMarks> PrepareAsync(WatermarkPreparer preparer, NodeExecution execution,
        IReadOnlyList<WatermarkInput>? watermarks, IReadOnlyList<MosaicInput>? mosaics, CancellationToken cancellationToken,
        IReadOnlyDictionary<int, string>? inlineImages = null)
    {
        var requests = (watermarks ?? [])
            .Select((w, k) => w.Definition == 0 && w.RawParameter is { } raw
                ? new WatermarkRequest(w, raw.ToTemplate()) { ImageFile = inlineImages?.GetValueOrDefault(k) ?? throw new InvalidOperationException($"WatermarkSet[{k}]: the inline picture was not fetched") }
                : new WatermarkRequest(w, ImageNodes.Template(execution, TemplateFamilies.Watermark, w.Definition ?? 0)))
            .ToList();
        return preparer.PrepareAsync(requests, mosaics ?? [], execution.WorkDirectory, cancellationToken);
    }

    /// <summary>The result's <c>WaterMarkDefinition</c>: the watermark templates drawn on the images.</summary>
    public static JsonArray Definitions(IReadOnlyList<WatermarkInput>? watermarks) =>
        [.. (watermarks ?? []).Select(w => (JsonNode)(w.Definition ?? 0))];
}
