using OpenCvSharp;

namespace Mediaflow.Media.Ai.Erasing;

/// <summary>
/// Finds what subtitle and privacy erasing remove: burned-in text lines read by <see cref="TextRecognizer"/> (OCR on
/// sampled frames, <see cref="SubtitleAreas"/>) and faces found by <see cref="FaceDetector"/> on sampled frames
/// (<see cref="FaceTracks"/>).
/// </summary>
public sealed class EraseTargetFinder(AiRunner runner, TextRecognizer text, FaceDetector faces)
{
    /// <summary>Pixels added around each OCR line box (standard model); the area model adds three times as many.</summary>
    public const long LinePad = 6;

    public async Task<IReadOnlyList<TimedErase>> FindSubtitlesAsync(string inputPath, double duration, int width, int height, IReadOnlyList<EraseRegion> searchAreas,
        bool wideAreas, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var reading = await text.ReadAsync(inputPath, duration, width, height, workDirectory, progress, cancellationToken);
        return SubtitleAreas.Find(reading.FullText(), reading.Step, searchAreas, width, height, wideAreas ? LinePad * 3 : LinePad);
    }

    public async Task<IReadOnlyList<TimedErase>> FindFacesAsync(string inputPath, double duration, EraseFill fill, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var images = await FaceFrames.SampleAsync(runner, inputPath, duration, Path.Combine(workDirectory, "privacy-faces"), progress, cancellationToken);
        var hits = new List<(int Frame, EraseRegion Box)>();
        foreach (var (path, index) in images.Select((p, i) => (p, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var gray = Cv2.ImRead(path, ImreadModes.Grayscale);
            hits.AddRange(faces.Detect(gray).Select(f => (index, new EraseRegion(f.X, f.Y, f.Width, f.Height))));
        }

        return FaceTracks.Build(hits, 1.0 / runner.Options.FaceFramesPerSecond, duration, fill);
    }
}
