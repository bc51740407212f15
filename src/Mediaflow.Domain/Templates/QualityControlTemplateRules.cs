using System.Globalization;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.QualityControl;

namespace Mediaflow.Domain.Templates;

/// <summary>
/// Field rules of quality-control templates (spec §13.8, DESIGN §7.5): an unknown item type is refused naming it, and so
/// is a known item switched on that no registered inspector detects (never reported as a clean pass).
/// </summary>
public static class QualityControlTemplateRules
{
    public const long MaxIntervalMs = 3_600_000;
    public const long MaxDurationMs = 86_400_000;
    public const int MaxThresholdLength = 256;

    /// <param name="detectable">The item types this build detects (the registered inspectors' and the node's own).</param>
    public static void Validate(QualityControlTemplate template, IReadOnlySet<string> detectable)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(detectable);
        if (string.IsNullOrEmpty(template.Name))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Name is required");
        }

        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        if (template.QualityControlItemSet is not { Count: > 0 } items)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "QualityControlItemSet is required");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            ValidateItem(i, items[i] ?? throw Refuse("QualityControlItemSet", $"QualityControlItemSet[{i}] is null"), detectable, seen);
        }

        if (!items.Any(i => i.IsOn))
        {
            throw Refuse("EmptyDetectItem", "QualityControlItemSet switches no item ON");
        }

        if (template.RecordFormat is { Length: > 0 } format)
        {
            throw Refuse("RecordFormat", format == "PNG"
                ? "RecordFormat PNG (anomaly recordings) is not implemented by this server: the inspection reports anomalies, it records no images"
                : $"RecordFormat '{format}' is not valid (the spec allows PNG, which this server does not implement)");
        }

        ValidateStrategy(template.Strategy);
    }

    private static void ValidateItem(int index, QualityControlItemConfig item, IReadOnlySet<string> detectable, HashSet<string> seen)
    {
        var at = $"QualityControlItemSet[{index}]";
        if (string.IsNullOrEmpty(item.Type))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, $"{at}.Type is required");
        }

        if (!QualityControlItemNames.IsKnown(item.Type))
        {
            throw Refuse("Type", $"{at}.Type '{item.Type}' is not a quality-control item type");
        }

        if (!seen.Add(item.Type))
        {
            throw Refuse("Type", $"{at}.Type '{item.Type}' is listed twice");
        }

        if (item.Switch is not (null or "ON" or "OFF"))
        {
            throw Refuse("Switch", $"{at}.Switch must be ON or OFF");
        }

        if (item.Sampling is not (null or "Time"))
        {
            throw Refuse("Sampling", $"{at}.Sampling must be Time");
        }

        if (item.IntervalTime is { } interval && interval is <= 0 or > MaxIntervalMs)
        {
            throw Refuse("IntervalTime", $"{at}.IntervalTime must be 1..{MaxIntervalMs} ms");
        }

        if (item.Duration is { } duration && duration is < 0 or > MaxDurationMs)
        {
            throw Refuse("Duration", $"{at}.Duration must be 0..{MaxDurationMs} ms");
        }

        ValidateThreshold(at, item);
        if (item.IsOn && !detectable.Contains(item.Type))
        {
            throw new ApiException(ApiErrorCodes.InvalidParameterValue,
                $"{at}: item '{item.Type}' is not detected by this server; switch it OFF or leave it out (docs/quality-control.md)");
        }
    }

    /// <summary>SSIM (0–1) and PSNR (dB) thresholds are the node's own and checked here; other items' by their inspectors' documented grammar.</summary>
    private static void ValidateThreshold(string at, QualityControlItemConfig item)
    {
        if (item.Threshold is not { } threshold)
        {
            return;
        }

        if (threshold.Length > MaxThresholdLength)
        {
            throw Refuse("Threshold", $"{at}.Threshold is longer than {MaxThresholdLength} characters");
        }

        var (min, max) = item.Type switch
        {
            FullReferenceItems.Ssim => (0.0, 1.0),
            FullReferenceItems.Psnr => (0.0, 100.0),
            _ => (double.NaN, double.NaN),
        };
        if (double.IsNaN(min))
        {
            return;
        }

        if (!double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Refuse("Threshold", $"{at}.Threshold of {item.Type} must be a number {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void ValidateStrategy(QualityControlStrategy? strategy)
    {
        if (strategy is null)
        {
            return;
        }

        if (strategy.StrategyType != "TimeSpotCheck")
        {
            throw Refuse("StrategyType", "Strategy.StrategyType must be TimeSpotCheck");
        }

        var check = strategy.TimeSpotCheck ?? throw new ApiException(ApiErrorCodes.MissingParameter, "Strategy.TimeSpotCheck is required for TimeSpotCheck");
        Range("CheckDuration", check.CheckDuration, 10, 86400, required: true);
        Range("CheckInterval", check.CheckInterval, 10, 3600, required: true);
        Range("SkipDuration", check.SkipDuration, 1, 1800, required: false);
        Range("CirclesNumber", check.CirclesNumber, 0, 1000, required: false);
    }

    private static void Range(string field, long? value, long min, long max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                throw new ApiException(ApiErrorCodes.MissingParameter, $"Strategy.TimeSpotCheck.{field} is required");
            }

            return;
        }

        if (value < min || value > max)
        {
            throw Refuse(field, $"Strategy.TimeSpotCheck.{field} must be {min}..{max}");
        }
    }

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
