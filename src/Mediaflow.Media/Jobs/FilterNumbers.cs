using System.Globalization;

namespace Mediaflow.Media.Jobs;

/// <summary>Fractional filter arguments, invariant and short (<c>0.5</c>, <c>-16</c>, <c>1.25</c>).</summary>
public static class FilterNumbers
{
    public static string Format(double value) =>
        double.IsFinite(value)
            ? Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A filter argument must be a finite number.");
}
