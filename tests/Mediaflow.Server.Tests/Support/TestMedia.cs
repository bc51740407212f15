using System.Diagnostics;
using System.Text.Json;

namespace Mediaflow.Server.Tests.Support;

/// <summary>Test media made with the real ffmpeg (lavfi testsrc2 + sine, H.264 + AAC) and checked with the real ffprobe.</summary>
public static class TestMedia
{
    /// <param name="noisy">Temporal noise coded losslessly: an incompressible file (~11 MB for 3 s of 320×240), for multipart uploads.</param>
    public static async Task<string> VideoAsync(string path, int seconds = 2, string size = "320x240", bool noisy = false)
    {
        var video = $"testsrc2=size={size}:rate=25:duration={seconds}" + (noisy ? ",noise=alls=60:allf=t" : "");
        string[] quality = noisy ? ["-qp", "0"] : [];
        await RunAsync("ffmpeg",
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", video,
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=44100:duration={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", .. quality, "-pix_fmt", "yuv420p", "-c:a", "aac", path,
        ]);
        return path;
    }

    /// <summary>Runs the real ffmpeg with these arguments; a non-zero exit fails the test with its stderr.</summary>
    public static Task FfmpegAsync(params string[] arguments) => RunAsync("ffmpeg", arguments);

    /// <summary>ffprobe's JSON (<c>format</c> and <c>streams</c>).</summary>
    public static async Task<JsonElement> ProbeAsync(string path)
    {
        var json = await RunAsync("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement Stream(JsonElement probe, string codecType) =>
        probe.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == codecType);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
