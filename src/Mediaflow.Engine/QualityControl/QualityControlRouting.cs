using Mediaflow.Domain.QualityControl;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.QualityControl;

namespace Mediaflow.Engine.QualityControl;

/// <summary>
/// Pure: which enabled item goes where. SSIM/PSNR are the node's own; every other item goes to the first registered
/// inspector that declares it (so an item two inspectors declare is inspected once). Items nobody declares are returned
/// as <see cref="QualityControlRoute.Undetectable"/> (a template saved when they were detectable, or a preset of another build).
/// </summary>
public static class QualityControlRouting
{
    public static QualityControlRoute Route(IEnumerable<QualityControlItemConfig> enabled, IReadOnlyList<IQualityInspector> inspectors)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        ArgumentNullException.ThrowIfNull(inspectors);
        var perInspector = inspectors.Select(_ => new List<QcItemRequest>()).ToList();
        var fullReference = new List<QcItemRequest>();
        var undetectable = new List<string>();
        foreach (var item in enabled)
        {
            var request = Request(item);
            if (FullReferenceItems.All.Contains(request.Type))
            {
                fullReference.Add(request);
                continue;
            }

            var owner = inspectors.Select((inspector, i) => (inspector, i)).FirstOrDefault(x => x.inspector.ItemTypes.Contains(request.Type));
            if (owner.inspector is null)
            {
                undetectable.Add(request.Type);
            }
            else
            {
                perInspector[owner.i].Add(request);
            }
        }

        return new QualityControlRoute(
            [.. inspectors.Select((inspector, i) => (inspector, perInspector[i])).Where(x => x.Item2.Count > 0).Select(x => new InspectorWork(x.inspector, x.Item2))],
            fullReference,
            undetectable);
    }

    /// <summary>The template's item as an inspector request: milliseconds become seconds.</summary>
    public static QcItemRequest Request(QualityControlItemConfig item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new QcItemRequest(item.Type ?? "", item.Threshold is { Length: > 0 } ? item.Threshold : null, item.Duration / 1000.0, item.IntervalTime / 1000.0);
    }
}

/// <summary>The enabled items of one inspector.</summary>
public sealed record InspectorWork(IQualityInspector Inspector, IReadOnlyList<QcItemRequest> Items);

public sealed record QualityControlRoute(IReadOnlyList<InspectorWork> Inspectors, IReadOnlyList<QcItemRequest> FullReference, IReadOnlyList<string> Undetectable);
