using System.Diagnostics;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>Small sources generated with ffmpeg's lavfi (testsrc2, sine): at most 3 s and 320×240.</summary>
public static class TestMedia
{
    private static readonly string[] Quiet = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y"];

    /// <summary>H.264 + AAC MP4, 320×180.</summary>
    public static Task<string> VideoWithAudioAsync(string directory, string name = "src.mp4", double seconds = 2) =>
        GenerateAsync(directory, name,
            ["-f", "lavfi", "-i", Invariant($"testsrc2=size=320x180:rate=25:duration={seconds}"),
             "-f", "lavfi", "-i", Invariant($"sine=frequency=440:sample_rate=48000:duration={seconds}"),
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest"]);

    /// <summary>AAC in MP4 without any video stream.</summary>
    public static Task<string> AudioOnlyAsync(string directory, string name = "audio.m4a", double seconds = 2) =>
        GenerateAsync(directory, name,
            ["-f", "lavfi", "-i", Invariant($"sine=frequency=440:sample_rate=44100:duration={seconds}"), "-c:a", "aac", "-b:a", "64k"]);

    /// <summary>A file named like a video that no demuxer can read.</summary>
    public static async Task<string> NotMediaAsync(string directory, string name = "broken.mp4")
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, "this is not a video file, just text pretending to be one\n");
        return path;
    }

    public static async Task<string> GenerateAsync(string directory, string name, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(directory, name);
        var result = await RunAsync("ffmpeg", [.. Quiet, .. arguments, path]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"generating {name} failed: {result.Stderr}");
        }

        return path;
    }

    /// <summary>ffprobe's view of a file: (width, height, duration s, has audio); width/height 0 when there is no video.</summary>
    public static async Task<ProbedFile> ProbeAsync(string path)
    {
        var result = await RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", path]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffprobe {path} failed: {result.Stderr}");
        }

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "video");
        var hasAudio = streams.Any(s => s.GetProperty("codec_type").GetString() == "audio");
        var duration = double.Parse(json.RootElement.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return video.ValueKind == System.Text.Json.JsonValueKind.Undefined
            ? new ProbedFile(0, 0, duration, hasAudio, "")
            : new ProbedFile(video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32(), duration, hasAudio, video.GetProperty("codec_name").GetString()!);
    }

    /// <summary>Each stream as <c>type:codec</c>, with <c>:language</c> when it has one, in file order.</summary>
    public static async Task<IReadOnlyList<string>> StreamsAsync(string path)
    {
        var result = await RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", path]);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        return [.. json.RootElement.GetProperty("streams").EnumerateArray().Select(s =>
            $"{s.GetProperty("codec_type").GetString()}:{s.GetProperty("codec_name").GetString()}"
            + (s.TryGetProperty("tags", out var tags) && tags.TryGetProperty("language", out var language) ? ":" + language.GetString() : ""))];
    }

    /// <summary>The RGB colour of one pixel of the frame at <paramref name="seconds"/> (an independent ffmpeg decode).</summary>
    public static async Task<(byte R, byte G, byte B)> PixelAsync(string path, double seconds, int x, int y)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"mf-pixel-{Guid.NewGuid():N}.rgb");
        try
        {
            var crop = Invariant($"crop=w=2:h=2:x={x}:y={y}");
            var result = await RunAsync("ffmpeg", ["-v", "error", "-y", "-ss", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", path,
                "-frames:v", "1", "-vf", crop, "-f", "rawvideo", "-pix_fmt", "rgb24", raw]);
            var bytes = await File.ReadAllBytesAsync(raw);
            return result.ExitCode == 0 && bytes.Length >= 3 ? (bytes[0], bytes[1], bytes[2]) : throw new InvalidOperationException($"no pixel read: {result.Stderr}");
        }
        finally
        {
            File.Delete(raw);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout, await stderr);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>What ffprobe says about an output file.</summary>
public sealed record ProbedFile(int Width, int Height, double Duration, bool HasAudio, string VideoCodec);
