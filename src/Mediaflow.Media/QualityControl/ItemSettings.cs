using System.Globalization;

namespace Mediaflow.Media.QualityControl;

/// <summary>
/// An enabled content item with its threshold and minimum duration resolved (template value, else the default), and its
/// sampling interval (the template's <c>IntervalTime</c>; null = every sampled picture).
/// </summary>
public sealed record ItemSettings(double Threshold, double MinDuration, double? Interval = null)
{
    /// <summary>
    /// Resolves the requests this pass handles; a threshold that is not an invariant number, or a negative duration, is a
    /// permanent configuration failure naming the item.
    /// </summary>
    public static IReadOnlyDictionary<string, ItemSettings> Resolve(IEnumerable<QcItemRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var settings = new Dictionary<string, ItemSettings>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (!ContentItem.All.TryGetValue(request.Type, out var item))
            {
                continue;
            }

            var threshold = item.Threshold;
            if (!string.IsNullOrWhiteSpace(request.Threshold)
                && !double.TryParse(request.Threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold))
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"{item.Type}: Threshold '{request.Threshold}' is not a number ({item.Unit}).");
            }

            if (request.MinDuration is < 0 || request.Interval is < 0 || !double.IsFinite(threshold))
            {
                throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"{item.Type}: Duration, IntervalTime and Threshold must be finite and not negative.");
            }

            settings[item.Type] = new ItemSettings(threshold, request.MinDuration ?? item.MinDuration, request.Interval is > 0 ? request.Interval : null);
        }

        return settings;
    }
}
