using System.Globalization;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>
/// One asked screenshot time (DESIGN §7.6): <c>"3.5s"</c> or a bare <c>"3.5"</c> = seconds from the first frame,
/// <c>"10%"</c> = that share of the duration, <c>"100%"</c> = the last frame.
/// </summary>
public readonly record struct TimeOffset(double Value, bool IsPercent)
{
    public static TimeOffset FromSeconds(double seconds) =>
        seconds >= 0 && double.IsFinite(seconds)
            ? new(seconds, false)
            : throw new ApiException(ApiErrorCodes.InvalidValue("TimeOffsetSet"), $"time offset {seconds.ToString(CultureInfo.InvariantCulture)} must be a non-negative number of seconds");

    public static TimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text.EndsWith('s') ? text[..^1] : text;
        // Digits and one '.' only: double.TryParse would also take "NaN" and "Infinity" under any style.
        if (number.Length == 0 || !number.All(c => char.IsAsciiDigit(c) || c == '.')
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || (percent && value > 100))
        {
            throw Invalid(text);
        }

        return new TimeOffset(value, percent);
    }

    /// <summary>Seconds from the first frame for a source of <paramref name="duration"/> seconds.</summary>
    public double Seconds(double duration) => IsPercent ? duration * Value / 100 : Value;

    /// <summary><c>"100%"</c>: the last frame, whatever its exact time.</summary>
    public bool IsLastFrame => IsPercent && Value >= 100;

    private static ApiException Invalid(string text) =>
        new(ApiErrorCodes.InvalidValue("ExtTimeOffsetSet"), $"time offset '{text}' must be seconds ('3.5s' or '3.5') or a percentage ('10%', at most 100%)");
}
