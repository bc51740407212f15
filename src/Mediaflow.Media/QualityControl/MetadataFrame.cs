namespace Mediaflow.Media.QualityControl;

/// <summary>One frame printed by a <c>metadata</c>/<c>ametadata</c> print filter: its stream kind, time and metadata.</summary>
/// <param name="Audio">Printed by <c>ametadata</c> (audio); else <c>metadata</c> (video).</param>
/// <param name="Time">The frame's <c>pts_time</c> in seconds.</param>
public sealed record MetadataFrame(bool Audio, double Time, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The value as a number; ffmpeg's <c>inf</c>, <c>-inf</c> and <c>nan</c> included; null when absent or not a number.</summary>
    public double? Number(string key)
    {
        if (!Values.TryGetValue(key, out var text))
        {
            return null;
        }

        return text switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" or "-nan" => double.NaN,
            _ => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null,
        };
    }
}
