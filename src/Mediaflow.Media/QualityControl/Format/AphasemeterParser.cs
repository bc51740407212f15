using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// Parses aphasemeter's phasing log: <c>[aphasemeter @ 0x…] out_phase_start: 1.002</c> gives the start of an
/// out-of-phase stretch in seconds; every other line (including <c>out_phase_end</c> and mono detection) gives null. Pure.
/// </summary>
public static partial class AphasemeterParser
{
    [GeneratedRegex(@"^\[(?:Parsed_)?aphasemeter(?:_\d+)? @ 0x[0-9a-f]+\] out_phase_start: (-?[0-9.eE+-]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Start();

    public static double? OutOfPhaseStart(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = Start().Match(line);
        return m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : null;
    }
}
