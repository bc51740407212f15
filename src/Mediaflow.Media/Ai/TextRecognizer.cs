using System.Globalization;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Ai;

/// <summary>
/// OCR on sampled frames: one ffmpeg decode writes <see cref="AiOptions.OcrFramesPerSecond"/> frames per second as PNG
/// (scaled to at most <see cref="AiOptions.OcrMaxWidth"/>), then ONE Tesseract process reads them all (a list file;
/// each image is a page of its TSV output, with word boxes and confidences). Measured against FFmpeg's <c>ocr</c>
/// filter in docs/media-ai.md: the filter gives text without boxes, so the CLI is used.
/// </summary>
public sealed class TextRecognizer(AiRunner runner)
{
    public async Task<TextReading> ReadAsync(string inputPath, double duration, int width, int height, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        if (width <= 0 || height <= 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "OCR needs a video stream and the source has none.");
        }

        var options = runner.Options;
        var directory = Path.Combine(workDirectory, "ocr");
        Directory.CreateDirectory(directory);
        var frameWidth = Math.Min(width, options.OcrMaxWidth);
        var frameHeight = Math.Max(2, (int)Math.Round(height * (double)frameWidth / width / 2) * 2);
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = inputPath }],
            FilterGraph = [new FilterChain(["0:v:0"], [new FpsFilter(options.OcrFramesPerSecond), new ScaleFilter(frameWidth, frameHeight)], ["v"])],
            Outputs =
            [
                new FfmpegOutput
                {
                    Path = Path.Combine(directory, "%06d.png"),
                    Maps = ["[v]"],
                    Video = new VideoEncoding { Encoder = "png", PixelFormat = "gray" },
                    Muxer = new ImageMuxer(Sequence: true),
                },
            ],
        };
        await runner.RunFfmpegAsync(job, duration, new Progress<double>(p => progress?.Report(p * 0.5)), cancellationToken);

        var images = Directory.GetFiles(directory, "*.png").Order(StringComparer.Ordinal).ToList();
        var step = 1.0 / options.OcrFramesPerSecond;
        var frames = new List<OcrFrame>();
        if (images.Count > 0)
        {
            var list = Path.Combine(workDirectory, "ocr-frames.txt");
            await File.WriteAllLinesAsync(list, images, cancellationToken);
            var tsv = await runner.RunEngineAsync(options.TesseractPath, [list, "stdout", "-l", options.OcrLanguages, "--psm", "11", "tsv"], duration, cancellationToken);
            var words = TesseractTsvParser.Parse(tsv).Where(w => w.Confidence >= options.OcrMinConfidence).ToList();
            frames.AddRange(images.Select((path, i) => new OcrFrame(
                FrameTime(path, step),
                [.. words.Where(w => w.Page == i + 1)])));
        }

        progress?.Report(100);
        return new TextReading(frames, step, (double)width / frameWidth, duration);
    }

    /// <summary>The image sequence numbers from 0, one frame per step from the first frame.</summary>
    private static double FrameTime(string path, double step) =>
        Math.Round(int.Parse(Path.GetFileNameWithoutExtension(path), NumberStyles.Integer, CultureInfo.InvariantCulture) * step, 3);
}
