using System.Globalization;

namespace Mediaflow.Domain.QualityControl;

/// <summary>
/// The full-reference items the inspection node measures itself (DESIGN §7.4): SSIM and PSNR of the node's input against
/// the task source scaled to the input's size; an anomaly when below the item's Threshold.
/// </summary>
public static class FullReferenceItems
{
    public const string Ssim = "SSIM";
    public const string Psnr = "PSNR";

    /// <summary>Default thresholds (docs/quality-control.md): SSIM 0.95 (All, 0–1), PSNR 35 dB (average).</summary>
    public const double DefaultSsimThreshold = 0.95;

    public const double DefaultPsnrThreshold = 35;

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Ssim, Psnr };

    /// <summary>The item's threshold: the template's string when set (validated at save time), else the default.</summary>
    public static double Threshold(string type, string? threshold) =>
        threshold is { Length: > 0 } && double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : type == Ssim ? DefaultSsimThreshold : DefaultPsnrThreshold;
}
