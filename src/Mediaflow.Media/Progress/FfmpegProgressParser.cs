using System.Globalization;

namespace Mediaflow.Media.Progress;

/// <summary>
/// Pure parser of ffmpeg's <c>-progress pipe:1</c> stream: <c>key=value</c> lines, each block closed by
/// <c>progress=continue|end</c>. Feed it lines in order; it returns a block when one closes.
/// </summary>
public sealed class FfmpegProgressParser
{
    private readonly Dictionary<string, string> pending = new(StringComparer.Ordinal);

    public FfmpegProgress? Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var key = line[..equals].Trim();
        var value = line[(equals + 1)..].Trim();
        if (key != "progress")
        {
            pending[key] = value;
            return null;
        }

        var block = new FfmpegProgress
        {
            Frame = Long("frame"),
            Fps = Double("fps"),
            OutTimeMicroseconds = Long("out_time_us"),
            TotalSize = Long("total_size"),
            Speed = Double("speed"),
            IsEnd = value == "end",
        };
        pending.Clear();
        return block;
    }

    public static IReadOnlyList<FfmpegProgress> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new FfmpegProgressParser();
        var blocks = new List<FfmpegProgress>();
        foreach (var line in text.Split('\n'))
        {
            if (parser.Feed(line.TrimEnd('\r')) is { } block)
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    private long? Long(string key) =>
        pending.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private double? Double(string key)
    {
        if (!pending.TryGetValue(key, out var v))
        {
            return null;
        }

        // speed is written as " 7.6x".
        var number = v.TrimEnd('x');
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
