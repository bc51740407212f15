using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.QualityControl;

/// <summary>
/// Pure: ffmpeg stderr lines → the frames printed by <c>metadata=mode=print</c> / <c>ametadata=mode=print</c>. Each
/// printing filter instance logs <c>[Parsed_metadata_N @ 0x…] frame:I pts:P pts_time:T</c> and then one
/// <c>key=value</c> line per metadata entry; lines of different instances may interleave, so frames are assembled per
/// instance prefix. A frame is handed to the sink when the next frame of its instance starts, or on <see cref="Complete"/>.
/// Other lines are ignored.
/// </summary>
public sealed partial class MetadataPrintParser(Action<MetadataFrame> sink)
{
    private readonly Dictionary<string, (bool Audio, double Time, Dictionary<string, string> Values)> open = new(StringComparer.Ordinal);

    public void Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = PrintLine().Match(line);
        if (!match.Success)
        {
            return;
        }

        var instance = match.Groups["instance"].Value;
        var body = match.Groups["body"].Value;
        var frame = FrameLine().Match(body);
        if (frame.Success)
        {
            Flush(instance);
            var time = double.Parse(frame.Groups["time"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            open[instance] = (match.Groups["kind"].Value == "ametadata", time, new Dictionary<string, string>(StringComparer.Ordinal));
            return;
        }

        var equals = body.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && open.TryGetValue(instance, out var current))
        {
            current.Values[body[..equals]] = body[(equals + 1)..].Trim();
        }
    }

    /// <summary>Hands out the frames still being assembled (the last frame of every instance).</summary>
    public void Complete()
    {
        foreach (var instance in open.Keys.ToList())
        {
            Flush(instance);
        }
    }

    private void Flush(string instance)
    {
        if (open.Remove(instance, out var frame))
        {
            sink(new MetadataFrame(frame.Audio, frame.Time, frame.Values));
        }
    }

    [GeneratedRegex(@"^\[Parsed_(?<kind>a?metadata)_(?<instance>\d+) @ [^\]]+\] (?<body>.*)$")]
    private static partial Regex PrintLine();

    [GeneratedRegex(@"^frame:\d+\s+pts:\S+\s+pts_time:(?<time>-?[0-9.eE+-]+)\s*$")]
    private static partial Regex FrameLine();
}
