using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Mediaflow.Media.Tests.Support;

/// <summary>An independent ffprobe/ffmpeg look at a test output (not the code under test).</summary>
public static class Ffprobe
{
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await stderr}");
        }

        return await stdout + await stderr;
    }

    /// <summary>The first video stream: width, height, frames counted by decoding, r_frame_rate, duration.</summary>
    public static async Task<(long Width, long Height, long Frames, double Fps, double Duration)> VideoAsync(string path, params string[] inputOptions)
    {
        var json = await RunAsync("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
            "stream=width,height,nb_read_frames,r_frame_rate:format=duration", "-of", "json", .. inputOptions, path]);
        using var doc = JsonDocument.Parse(json[..(json.LastIndexOf('}') + 1)]);
        var stream = doc.RootElement.GetProperty("streams")[0];
        var rate = stream.GetProperty("r_frame_rate").GetString()!.Split('/');
        var duration = doc.RootElement.TryGetProperty("format", out var f) && f.TryGetProperty("duration", out var d)
            ? double.Parse(d.GetString()!, CultureInfo.InvariantCulture) : 0;
        return (stream.GetProperty("width").GetInt64(), stream.GetProperty("height").GetInt64(),
            long.Parse(stream.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture),
            double.Parse(rate[0], CultureInfo.InvariantCulture) / double.Parse(rate[1], CultureInfo.InvariantCulture), duration);
    }

    public static async Task<string> CodecAsync(string path) =>
        (await RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0", path)).Trim();

    /// <summary>PSNR (dB) of <paramref name="image"/> against frame <paramref name="frame"/> of <paramref name="source"/>, decoded in full.</summary>
    public static async Task<double> PsnrAgainstFrameAsync(string image, string source, long frame)
    {
        var log = await RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", image, "-i", source, "-lavfi",
            FormattableString.Invariant($"[1:v]select=eq(n\\,{frame}),format=rgb24[ref];[0:v]format=rgb24[img];[img][ref]psnr"), "-frames:v", "1", "-f", "null", "-");
        var marker = log.LastIndexOf("average:", StringComparison.Ordinal);
        var text = log[(marker + 8)..].Split(' ')[0];
        return text == "inf" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);
    }
}
