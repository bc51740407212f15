using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Domain.Templates;

/// <summary>What a watermark length is measured against (reference/mps-api.md §13.6).</summary>
public enum WatermarkLengthUnit
{
    /// <summary><c>Npx</c>.</summary>
    Pixels,

    /// <summary><c>N%</c>: of the video's width for X/Width, of its height for Y/Height.</summary>
    Percent,

    /// <summary><c>NW%</c>: of the video's width (SVG sizes).</summary>
    PercentOfWidth,

    /// <summary><c>NH%</c>: of the video's height.</summary>
    PercentOfHeight,

    /// <summary><c>NS%</c>: of the video's short side.</summary>
    PercentOfShortSide,

    /// <summary><c>NL%</c>: of the video's long side.</summary>
    PercentOfLongSide,
}

/// <summary>A position or size of a watermark or mosaic: <c>N%</c>, <c>Npx</c> (and for SVG sizes <c>NW%</c> <c>NH%</c> <c>NS%</c> <c>NL%</c>).</summary>
public readonly partial record struct WatermarkLength(double Value, WatermarkLengthUnit Unit)
{
    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(px|%|W%|H%|S%|L%)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static WatermarkLength Pixels(double value) => new(value, WatermarkLengthUnit.Pixels);

    public static WatermarkLength Percent(double value) => new(value, WatermarkLengthUnit.Percent);

    /// <summary>Parses <paramref name="text"/>; <paramref name="svgUnits"/> also allows W% H% S% L%.</summary>
    public static bool TryParse(string? text, bool svgUnits, out WatermarkLength length)
    {
        length = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var unit = match.Groups[2].Value switch
        {
            "px" => WatermarkLengthUnit.Pixels,
            "%" => WatermarkLengthUnit.Percent,
            "W%" => WatermarkLengthUnit.PercentOfWidth,
            "H%" => WatermarkLengthUnit.PercentOfHeight,
            "S%" => WatermarkLengthUnit.PercentOfShortSide,
            _ => WatermarkLengthUnit.PercentOfLongSide,
        };
        if (!svgUnits && unit is not (WatermarkLengthUnit.Pixels or WatermarkLengthUnit.Percent))
        {
            return false;
        }

        length = new WatermarkLength(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), unit);
        return true;
    }

    /// <summary>
    /// Pixels on a <paramref name="frameWidth"/>×<paramref name="frameHeight"/> video; plain <c>%</c> is of
    /// <paramref name="axis"/> (the width for X/Width, the height for Y/Height).
    /// </summary>
    public double ToPixels(long axis, long frameWidth, long frameHeight) => Unit switch
    {
        WatermarkLengthUnit.Pixels => Value,
        WatermarkLengthUnit.Percent => Value * axis / 100,
        WatermarkLengthUnit.PercentOfWidth => Value * frameWidth / 100,
        WatermarkLengthUnit.PercentOfHeight => Value * frameHeight / 100,
        WatermarkLengthUnit.PercentOfShortSide => Value * Math.Min(frameWidth, frameHeight) / 100,
        _ => Value * Math.Max(frameWidth, frameHeight) / 100,
    };

    public bool IsPercent => Unit != WatermarkLengthUnit.Pixels;
}
