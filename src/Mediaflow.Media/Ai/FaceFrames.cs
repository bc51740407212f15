using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Ai;

/// <summary>The grey frames face detection looks at: <see cref="AiOptions.FaceFramesPerSecond"/> per second, as PNG files in time order.</summary>
public static class FaceFrames
{
    /// <returns>The frame files; frame <c>i</c> is at <c>i / FaceFramesPerSecond</c> seconds.</returns>
    public static async Task<IReadOnlyList<string>> SampleAsync(AiRunner runner, string inputPath, double duration, string directory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        Directory.CreateDirectory(directory);
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = inputPath }],
            FilterGraph = [new FilterChain(["0:v:0"], [new FpsFilter(runner.Options.FaceFramesPerSecond)], ["v"])],
            Outputs = [new FfmpegOutput { Path = Path.Combine(directory, "%06d.png"), Maps = ["[v]"], Video = new VideoEncoding { Encoder = "png", PixelFormat = "gray" }, Muxer = new ImageMuxer(Sequence: true) }],
        };
        await runner.RunFfmpegAsync(job, duration, progress, cancellationToken);
        return [.. Directory.GetFiles(directory, "*.png").Order(StringComparer.Ordinal)];
    }
}
