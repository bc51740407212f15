using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.QualityControl;

/// <summary>
/// The preset quality-control templates (spec §13.8, §14), built from what this build detects: 10 every detectable item,
/// 20 the format-diagnosis items, 30 the no-reference scores, 40 the picture items. A preset whose set would be empty is
/// absent (docs/quality-control.md). Items are listed in ordinal order with Switch ON and the documented defaults.
/// </summary>
public static class QualityControlPresets
{
    public static readonly IReadOnlySet<string> NoReferenceScores = new HashSet<string>(StringComparer.Ordinal) { "LowEvaluation", "AudioEvaluation" };

    /// <summary>Picture (video content) items of §13.8 plus our <c>Freeze</c>; the full-reference SSIM/PSNR are in preset 10 only.</summary>
    public static readonly IReadOnlySet<string> Picture = new HashSet<string>(StringComparer.Ordinal)
    {
        "Mosaic", "CrashScreen", "Blur", "Jitter", "Noise", "QRCode", "BarCode", "AppletCode", "BlackWhiteEdge", "SolidColorScreen",
        "LowLighting", "HighLighting", "Freeze",
    };

    public static IReadOnlyList<QualityControlTemplate> Build(IReadOnlySet<string> detectable)
    {
        ArgumentNullException.ThrowIfNull(detectable);
        var known = detectable.Where(QualityControlItemNames.IsKnown).ToList();
        var presets = new List<QualityControlTemplate>();
        Add(presets, 10, "All-items", known);
        Add(presets, 20, "Format-diagnosis", known.Where(QualityControlItemNames.FormatCategory.ContainsKey));
        Add(presets, 30, "No-reference-scoring", known.Where(NoReferenceScores.Contains));
        Add(presets, 40, "Picture-quality", known.Where(Picture.Contains));
        return presets;
    }

    private static void Add(List<QualityControlTemplate> presets, long definition, string name, IEnumerable<string> items)
    {
        var set = items.Order(StringComparer.Ordinal).Select(type => new QualityControlItemConfig { Type = type, Switch = "ON", Sampling = "Time" }).ToList();
        if (set.Count == 0)
        {
            return;
        }

        presets.Add(new QualityControlTemplate
        {
            Definition = definition,
            Name = name,
            Comment = "System preset",
            Type = TemplateType.Preset,
            QualityControlItemSet = set,
        });
    }
}
