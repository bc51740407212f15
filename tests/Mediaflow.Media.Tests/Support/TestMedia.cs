using System.Diagnostics;

namespace Mediaflow.Media.Tests.Support;

/// <summary>Generates small sources with ffmpeg's lavfi (testsrc2, sine) for tests.</summary>
public static class TestMedia
{
    private static readonly string[] Quiet = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y"];

    /// <summary>H.264 + AAC MP4 (moov at the end, so truncation removes the index).</summary>
    public static Task<string> VideoWithAudioAsync(string directory, string name = "src.mp4", int width = 320, int height = 180, double seconds = 2, int fps = 25) =>
        GenerateAsync(directory, name,
            ["-f", "lavfi", "-i", Invariant($"testsrc2=size={width}x{height}:rate={fps}:duration={seconds}"),
             "-f", "lavfi", "-i", Invariant($"sine=frequency=440:sample_rate=48000:duration={seconds}"),
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest"]);

    public static Task<string> VideoOnlyAsync(string directory, string name = "video.mp4", double seconds = 2) =>
        GenerateAsync(directory, name,
            ["-f", "lavfi", "-i", Invariant($"testsrc2=size=320x180:rate=25:duration={seconds}"), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

    public static Task<string> AudioOnlyAsync(string directory, string name = "audio.m4a", double seconds = 2) =>
        GenerateAsync(directory, name,
            ["-f", "lavfi", "-i", Invariant($"sine=frequency=440:sample_rate=44100:duration={seconds}"), "-c:a", "aac", "-b:a", "64k"]);

    /// <summary>A copy of <paramref name="source"/> whose display matrix asks for a 90° rotation.</summary>
    public static Task<string> RotatedAsync(string directory, string source, string name = "rotated.mp4") =>
        GenerateAsync(directory, name, ["-i", source, "-c", "copy", "-metadata:s:v:0", "rotate=90"]);

    public static async Task<string> GenerateAsync(string directory, string name, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(directory, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in Quiet.Concat(arguments).Append(path))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"generating {name} failed: {await stderr}");
        }

        return path;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
