using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.QualityControl.Format;

/// <summary>Small sources with one known format defect each, made with ffmpeg (lavfi, bitstream filters, byte concat).</summary>
public static class FormatFixtures
{
    public static string[] Video(int width = 320, int height = 180, double seconds = 2, string rate = "25") =>
        ["-f", "lavfi", "-i", FormattableString.Invariant($"testsrc2=size={width}x{height}:rate={rate}:duration={seconds}")];

    public static string[] Tone(double seconds = 2, int sampleRate = 48000, string layout = "mono") =>
        ["-f", "lavfi", "-i", FormattableString.Invariant($"sine=frequency=440:sample_rate={sampleRate}:duration={seconds}"), "-af", "aformat=channel_layouts=" + layout];

    public static readonly string[] X264 = ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"];

    /// <summary>H.264 (+ AAC) in MPEG-TS, starting <paramref name="offset"/> seconds later (the muxer's own 1.4 s offset aside).</summary>
    public static Task<string> TsAsync(string directory, string name, double offset = 0, int width = 320, int height = 180, int sampleRate = 48000, string layout = "mono", bool audio = true) =>
        TestMedia.GenerateAsync(directory, name,
            [.. Video(width, height), .. audio ? Tone(2, sampleRate, layout) : [], .. X264, .. audio ? (string[])["-c:a", "aac", "-b:a", "64k", "-shortest"] : [],
             "-output_ts_offset", FormattableString.Invariant($"{offset}"), "-f", "mpegts"]);

    /// <summary>Two MPEG-TS files joined byte for byte, as a broadcast capture with a mid-stream change looks.</summary>
    public static async Task<string> ConcatAsync(string directory, string name, string first, string second)
    {
        var path = Path.Combine(directory, name);
        await using var output = File.Create(path);
        foreach (var part in new[] { first, second })
        {
            await using var input = File.OpenRead(part);
            await input.CopyToAsync(output);
        }

        return path;
    }

    /// <summary>A stream copy of <paramref name="source"/> with extra output options (bitstream filters, tags).</summary>
    public static Task<string> RemuxAsync(string directory, string source, string name, params string[] options) =>
        TestMedia.GenerateAsync(directory, name, ["-i", source, "-map", "0", "-c", "copy", .. options]);

    /// <summary>
    /// Rewrites, in an MPEG-TS whose video PES headers carry PTS and DTS (B-frames), the PTS of the
    /// <paramref name="nth"/> such header (1-based) to its DTS minus 40 ms: a file no ffmpeg muxer would write.
    /// </summary>
    public static async Task<string> PtsBelowDtsAsync(string directory, string source, string name, int nth)
    {
        var data = await File.ReadAllBytesAsync(source);
        var seen = 0;
        for (var offset = 0; offset + 188 <= data.Length; offset += 188)
        {
            var pid = ((data[offset + 1] & 0x1F) << 8) | data[offset + 2];
            var unitStart = (data[offset + 1] & 0x40) != 0;
            if (data[offset] != 0x47 || !unitStart || pid != 0x100)
            {
                continue;
            }

            var i = offset + 4 + ((data[offset + 3] & 0x20) != 0 ? 1 + data[offset + 4] : 0);
            if (data[i] != 0 || data[i + 1] != 0 || data[i + 2] != 1 || data[i + 7] >> 6 != 3 || ++seen != nth)
            {
                continue;
            }

            var dts = ReadTimestamp(data.AsSpan(i + 14, 5));
            WriteTimestamp(data.AsSpan(i + 9, 5), 3, dts - 3600);
            var path = Path.Combine(directory, name);
            await File.WriteAllBytesAsync(path, data);
            return path;
        }

        throw new InvalidOperationException($"{source} has fewer than {nth} video PES headers with PTS and DTS");
    }

    private static long ReadTimestamp(ReadOnlySpan<byte> b) =>
        ((long)((b[0] >> 1) & 7) << 30) | ((long)b[1] << 22) | ((long)(b[2] >> 1) << 15) | ((long)b[3] << 7) | (long)(b[4] >> 1);

    private static void WriteTimestamp(Span<byte> b, int prefix, long v)
    {
        b[0] = (byte)((prefix << 4) | (int)((v >> 29) & 0x0E) | 1);
        b[1] = (byte)((v >> 22) & 0xFF);
        b[2] = (byte)(((v >> 14) & 0xFE) | 1);
        b[3] = (byte)((v >> 7) & 0xFF);
        b[4] = (byte)(((v << 1) & 0xFE) | 1);
    }
}
