using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.QualityControl;

/// <summary>
/// Pure: ffmpeg 5.1 stderr of a run with <c>-debug_ts</c> → the decoded video frames that carry decode damage. ffmpeg
/// logs <c>URL: corrupt decoded frame in stream N</c> (the frame has error-concealment flags) or
/// <c>Error while decoding stream #F:N: …</c> (a packet failed) on its main thread just before the
/// <c>decoder -&gt; ist_index:N type:video … best_effort_ts_time:T</c> line of the next decoded frame of that stream, so
/// the damage is placed at that frame's time. The decoders' own messages (h264 "concealing N errors", "error while
/// decoding MB") come from decoding threads, out of order, and are not used. Times are seconds from the first decoded
/// video frame, as everywhere in the content pass.
/// </summary>
public sealed partial class DecodeDamageParser
{
    private static readonly string[] DebugPrefixes = ["demuxer -> ", "demuxer+ffmpeg -> ", "decoder -> ", "filter -> ", "encoder <- ", "encoder -> ", "muxer <- "];

    private readonly HashSet<int> pending = [];
    private readonly HashSet<int> video = [];
    private readonly List<double> damaged = [];
    private double? first;
    private double last;
    private int frames;

    /// <summary>Reads one stderr line; true when it is a <c>-debug_ts</c> trace line (callers keep those out of log tails).</summary>
    public bool Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith("decoder -> ", StringComparison.Ordinal))
        {
            var frame = DecodedVideo().Match(line);
            if (frame.Success && TryTime(frame.Groups["best"].Value, frame.Groups["pts"].Value) is { } time)
            {
                first ??= time;
                last = Math.Max(last, time - first.Value);
                frames++;
                var index = int.Parse(frame.Groups["index"].Value, CultureInfo.InvariantCulture);
                video.Add(index);
                if (pending.Remove(index))
                {
                    damaged.Add(Math.Round(time - first.Value, 3));
                }
            }

            return true;
        }

        if (IsTrace(line))
        {
            return true;
        }

        var damage = CorruptFrame().Match(line);
        if (!damage.Success)
        {
            damage = DecodeError().Match(line);
        }

        if (damage.Success)
        {
            pending.Add(int.Parse(damage.Groups["index"].Value, CultureInfo.InvariantCulture));
        }

        return false;
    }

    /// <summary>The damaged frames so far; damage reported after the last decoded frame is placed on that frame.</summary>
    public DecodeDamage Complete()
    {
        var times = new List<double>(damaged);
        if (pending.Overlaps(video) && (times.Count == 0 || times[^1] < Math.Round(last, 3)))
        {
            times.Add(Math.Round(last, 3));
        }

        pending.Clear();
        var step = frames > 1 && last > 0 ? last / (frames - 1) : 0.04;
        return new DecodeDamage([.. times.Order()], Math.Round(step, 6), frames);
    }

    /// <summary>A plain loop: this runs on every stderr line, where a lambda over the prefixes allocated a closure each time.</summary>
    private static bool IsTrace(string line)
    {
        foreach (var prefix in DebugPrefixes)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static double? TryTime(string best, string pts) =>
        double.TryParse(best, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t
        : double.TryParse(pts, NumberStyles.Float, CultureInfo.InvariantCulture, out t) ? t
        : null;

    [GeneratedRegex(@"^decoder -> ist_index:(?<index>\d+) type:video frame_pts:\S+ frame_pts_time:(?<pts>\S+) best_effort_ts:\S+ best_effort_ts_time:(?<best>\S+)")]
    private static partial Regex DecodedVideo();

    [GeneratedRegex(@": corrupt decoded frame in stream (?<index>\d+)$")]
    private static partial Regex CorruptFrame();

    [GeneratedRegex(@"^Error while decoding stream #\d+:(?<index>\d+): ")]
    private static partial Regex DecodeError();
}
