using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// Parses <c>ashowinfo</c> lines such as
/// <c>[Parsed_ashowinfo_0 @ 0x55…] n:87 pts:150828 pts_time:3.42014 pos:-1 fmt:fltp channels:1 chlayout:mono rate:44100 nb_samples:1024 …</c>.
/// Pure; other lines give null.
/// </summary>
public static partial class AshowinfoParser
{
    [GeneratedRegex(@"^\[Parsed_ashowinfo_\d+ @ 0x[0-9a-f]+\] n:\s*\d+ pts:\s*-?\d+ pts_time:(-?[0-9.eE+-]+) .*\bchannels:(\d+) .*\brate:(\d+) ", RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    public static AudioFrameFormat? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = Line().Match(line);
        return m.Success
            && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var time)
            && long.TryParse(m.Groups[2].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var channels)
            && long.TryParse(m.Groups[3].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate)
            ? new AudioFrameFormat(time, rate, channels)
            : null;
    }
}
