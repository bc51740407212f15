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
/// <remarks>
/// Called for every stderr line of the content pass (tens of thousands for a 30 s clip), so the line prefix is matched
/// on the span (<see cref="TrySplit"/>, the same grammar as <c>^\[Parsed_(a?metadata)_(\d+) @ [^\]]+\] (.*)$</c>), the
/// open frame is found without allocating, and the metadata keys, which repeat on every frame, are kept once: a
/// <c>key=value</c> line allocates only its value. Only the frame lines (one per frame) go through a regex.
/// </remarks>
public sealed partial class MetadataPrintParser
{
    /// <summary>Distinct metadata keys kept for reuse; a graph prints a few dozen, the cap only bounds odd input.</summary>
    private const int MaxKeptKeys = 4096;

    private readonly Action<MetadataFrame> sink;
    private readonly Dictionary<string, (bool Audio, double Time, Dictionary<string, string> Values)> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool Audio, double Time, Dictionary<string, string> Values)>.AlternateLookup<ReadOnlySpan<char>> openBySpan;
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> keysBySpan;

    public MetadataPrintParser(Action<MetadataFrame> sink)
    {
        this.sink = sink;
        openBySpan = open.GetAlternateLookup<ReadOnlySpan<char>>();
        keysBySpan = keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!TrySplit(line, out var audio, out var instance, out var body))
        {
            return;
        }

        if (body.StartsWith("frame:", StringComparison.Ordinal))
        {
            var frame = FrameLine().Match(body.ToString());
            if (frame.Success)
            {
                var name = instance.ToString();
                Flush(name);
                var time = double.Parse(frame.Groups["time"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                open[name] = (audio, time, new Dictionary<string, string>(StringComparer.Ordinal));
                return;
            }
        }

        var equals = body.IndexOf('=');
        if (equals > 0 && openBySpan.TryGetValue(instance, out var current))
        {
            current.Values[Key(body[..equals])] = body[(equals + 1)..].Trim().ToString();
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

    /// <summary>
    /// Splits <c>[Parsed_(a)metadata_N @ ADDR] BODY</c>: <paramref name="instance"/> is N, <paramref name="body"/> the rest
    /// of the line. As the regex <c>^\[Parsed_(?&lt;kind&gt;a?metadata)_(?&lt;instance&gt;\d+) @ [^\]]+\] (?&lt;body&gt;.*)$</c>
    /// it was written as: ADDR is one or more characters up to the first <c>]</c>, and the body holds no line feed (one at
    /// the very end is dropped).
    /// </summary>
    private static bool TrySplit(string line, out bool audio, out ReadOnlySpan<char> instance, out ReadOnlySpan<char> body)
    {
        audio = false;
        instance = default;
        body = default;
        var rest = line.AsSpan();
        if (!rest.StartsWith("[Parsed_", StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest["[Parsed_".Length..];
        if (rest.StartsWith('a'))
        {
            audio = true;
            rest = rest[1..];
        }

        if (!rest.StartsWith("metadata_", StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest["metadata_".Length..];
        var digits = 0;
        while (digits < rest.Length && char.IsDigit(rest[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        instance = rest[..digits];
        rest = rest[digits..];
        if (!rest.StartsWith(" @ ", StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[" @ ".Length..];
        var close = rest.IndexOf(']');
        if (close <= 0 || close + 1 >= rest.Length || rest[close + 1] != ' ')
        {
            return false;
        }

        rest = rest[(close + 2)..];
        var feed = rest.IndexOf('\n');
        if (feed >= 0)
        {
            if (feed != rest.Length - 1)
            {
                return false;
            }

            rest = rest[..feed];
        }

        body = rest;
        return true;
    }

    private string Key(ReadOnlySpan<char> key)
    {
        if (keysBySpan.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var text = key.ToString();
        if (keys.Count < MaxKeptKeys)
        {
            keys.Add(text);
        }

        return text;
    }

    private void Flush(string instance)
    {
        if (open.Remove(instance, out var frame))
        {
            sink(new MetadataFrame(frame.Audio, frame.Time, frame.Values));
        }
    }

    [GeneratedRegex(@"^frame:\d+\s+pts:\S+\s+pts_time:(?<time>-?[0-9.eE+-]+)\s*$")]
    private static partial Regex FrameLine();
}
