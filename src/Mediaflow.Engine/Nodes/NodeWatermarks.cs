using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Domain.Templates;
using Mediaflow.Media;
using Mediaflow.Media.Watermarks;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// A node's WatermarkSet/MosaicSet → the files and layers the media layer draws, the same for every node that carries
/// one (transcode, the two screenshot nodes, adaptive streaming): a template watermark from the task's snapshot, an
/// inline one (Definition 0, RawParameter) as the template it describes with its picture fetched from the account's store.
/// </summary>
internal static class NodeWatermarks
{
    /// <summary>
    /// The prepared marks. An inline picture that is not in the store fails the node: a <see cref="MediaFailure"/> with
    /// <c>DownloadNotAccessible</c> naming <c>WatermarkSet[k].RawParameter…</c> (permanent unless the store said otherwise).
    /// </summary>
    public static async Task<VideoMarks> PrepareAsync(WatermarkPreparer preparer, InputFiles inputs, NodeExecution execution,
        IReadOnlyList<WatermarkInput>? watermarks, IReadOnlyList<MosaicInput>? mosaics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preparer);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(execution);
        var requests = new List<WatermarkRequest>();
        foreach (var (w, k) in (watermarks ?? []).Select((w, k) => (w, k)))
        {
            requests.Add(w.Definition == 0 && w.RawParameter is { } raw
                ? new WatermarkRequest(w, raw.ToTemplate()) { ImageFile = await InlinePictureAsync(inputs, execution, raw, k, cancellationToken) }
                : new WatermarkRequest(w, ImageNodes.Template(execution, TemplateFamilies.Watermark, w.Definition ?? 0)));
        }

        return await preparer.PrepareAsync(requests, mosaics ?? [], execution.WorkDirectory, cancellationToken);
    }

    /// <summary>The result's <c>WaterMarkDefinition</c>: the watermark templates drawn on the images.</summary>
    public static JsonArray Definitions(IReadOnlyList<WatermarkInput>? watermarks) =>
        [.. (watermarks ?? []).Select(w => (JsonNode)(w.Definition ?? 0))];

    private static async Task<string> InlinePictureAsync(InputFiles inputs, NodeExecution execution, RawWatermarkParameter raw, int index, CancellationToken cancellationToken)
    {
        var file = await inputs.ResolveObjectAsync(execution.AppId, raw.ImageTemplate?.ImageContent?.CosInputInfo ?? new CosInputInfo(), cancellationToken);
        return file.Path ?? throw new MediaFailure(TaskErrorCodes.DownloadNotAccessible,
            $"WatermarkSet[{index}].RawParameter.ImageTemplate.ImageContent: {file.Problem}", file.Retryable);
    }
}
