using System.Globalization;

namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>A frame detector's item threshold: the template's number, else the default; anything else fails permanently naming the item.</summary>
public static class FrameItemSettings
{
    public static double Threshold(QcItemRequest item, double defaultValue, string unit)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(item.Threshold))
        {
            return defaultValue;
        }

        if (!double.TryParse(item.Threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"{item.Type}: Threshold '{item.Threshold}' is not a number ({unit}).");
        }

        return value;
    }
}
