using System.Diagnostics;
using System.Globalization;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

/// <summary>
/// Frames as the content pass hands them to frame detectors: 8-bit gray, scaled to <c>width</c>×<c>height</c>, sampled
/// at <c>fps</c> (frame i at i ÷ fps seconds), decoded by an independent ffmpeg.
/// </summary>
public static class GrayFrames
{
    public static async Task<IReadOnlyList<(double Time, byte[] Gray)>> ReadAsync(string path, int width, int height, double fps = 2)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-i", path,
            "-vf", FormattableString.Invariant($"fps={fps.ToString(CultureInfo.InvariantCulture)},scale={width}:{height}"),
            "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1",
        })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        var all = bytes.ToArray();
        var size = width * height;
        return [.. Enumerable.Range(0, all.Length / size).Select(i => (i / fps, all.AsSpan(i * size, size).ToArray()))];
    }

    /// <summary>Runs one detector over the frames of <paramref name="path"/> the way the content pass does.</summary>
    public static async Task<QcReportView> DetectAsync(Mediaflow.Media.QualityControl.IFrameDetector detector, Mediaflow.Media.QualityControl.QcInspection inspection, int width, int height)
    {
        var frames = await ReadAsync(inspection.InputPath, width, height);
        using var run = detector.Start(inspection, width, height);
        foreach (var (time, gray) in frames)
        {
            run.OnFrame(time, gray);
        }

        return new QcReportView(run.Complete(), frames.Count);
    }
}
