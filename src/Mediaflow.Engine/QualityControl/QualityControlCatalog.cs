using Mediaflow.Domain.QualityControl;
using Mediaflow.Domain.Templates;
using Mediaflow.Media.QualityControl;

namespace Mediaflow.Engine.QualityControl;

/// <summary>
/// What this build can inspect, fixed at startup: the registered <see cref="IQualityInspector"/>s, the items they declare
/// plus the node's own full-reference SSIM/PSNR, and the quality-control template family (presets and rules) built from
/// that set (docs/quality-control.md).
/// </summary>
public sealed class QualityControlCatalog
{
    public QualityControlCatalog(IEnumerable<IQualityInspector> inspectors)
    {
        ArgumentNullException.ThrowIfNull(inspectors);
        Inspectors = [.. inspectors];
        var detectable = new HashSet<string>(FullReferenceItems.All, StringComparer.Ordinal);
        detectable.UnionWith(Inspectors.SelectMany(i => i.ItemTypes).Where(QualityControlItemNames.IsKnown));
        Detectable = detectable;
        Family = QualityControlTemplateFamily.Create(Detectable);
    }

    public IReadOnlyList<IQualityInspector> Inspectors { get; }

    public IReadOnlySet<string> Detectable { get; }

    public TemplateFamily<QualityControlTemplate> Family { get; }
}
