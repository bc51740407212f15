using OpenCvSharp;
using OpenCvSharp.Face;

namespace Mediaflow.Media.Ai;

/// <summary>
/// Face recognition in a video against registered samples: ffmpeg samples <see cref="AiOptions.FaceFramesPerSecond"/>
/// grey frames per second, each face the cascade finds is normalized and matched with an LBPH recognizer (OpenCV's face
/// module) trained on the samples; a match at or above the template's Score counts. Consecutive frames recognizing the
/// same person make one segment <c>[first, last + step)</c>.
/// </summary>
public sealed class FaceRecognizer(AiRunner runner, FaceDetector detector)
{
    public async Task<IReadOnlyList<FaceSighting>> RecognizeAsync(string inputPath, double duration, int width, int height, IReadOnlyList<FaceSample> samples,
        double minimumScore, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(samples);
        if (width <= 0 || height <= 0)
        {
            throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "face recognition needs a video stream and the source has none.");
        }

        if (samples.Count == 0)
        {
            return []; // no one registered: no one can be recognized
        }

        var images = await FaceFrames.SampleAsync(runner, inputPath, duration, Path.Combine(workDirectory, "faces"), new Progress<double>(p => progress?.Report(p * 0.5)), cancellationToken);
        var step = 1.0 / runner.Options.FaceFramesPerSecond;
        var people = samples.Select(s => s.PersonId).Distinct(StringComparer.Ordinal).ToList();
        using var recognizer = Train(samples, people);
        var hits = new List<(int Frame, string PersonId, double Confidence, Rect Box)>();
        foreach (var (path, index) in images.Select((p, i) => (p, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var gray = Cv2.ImRead(path, ImreadModes.Grayscale);
            foreach (var face in detector.Detect(gray))
            {
                using var crop = FaceDetector.Normalize(gray, face);
                recognizer.Predict(crop, out var label, out var distance);
                var confidence = FaceScore.FromDistance(distance);
                if (label >= 0 && confidence >= minimumScore)
                {
                    hits.Add((index, people[label], confidence, face));
                }
            }
        }

        progress?.Report(100);
        var names = samples.GroupBy(s => s.PersonId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().PersonName, StringComparer.Ordinal);
        return Segments(hits, step, duration, names);
    }

    private static LBPHFaceRecognizer Train(IReadOnlyList<FaceSample> samples, List<string> people)
    {
        var recognizer = LBPHFaceRecognizer.Create();
        var crops = samples.Select(s => Cv2.ImDecode(s.Crop, ImreadModes.Grayscale)).ToList();
        try
        {
            recognizer.Train(crops, [.. samples.Select(s => people.IndexOf(s.PersonId))]);
        }
        finally
        {
            crops.ForEach(c => c.Dispose());
        }

        return recognizer;
    }

    private static List<FaceSighting> Segments(List<(int Frame, string PersonId, double Confidence, Rect Box)> hits, double step, double duration, Dictionary<string, string> names)
    {
        var sightings = new List<FaceSighting>();
        foreach (var person in hits.GroupBy(h => h.PersonId, StringComparer.Ordinal))
        {
            var frames = person.GroupBy(h => h.Frame).Select(g => g.MaxBy(h => h.Confidence)).OrderBy(h => h.Frame).ToList();
            var start = 0;
            for (var i = 1; i <= frames.Count; i++)
            {
                if (i < frames.Count && frames[i].Frame == frames[i - 1].Frame + 1)
                {
                    continue;
                }

                var first = frames[start];
                var end = Math.Round(Math.Min((frames[i - 1].Frame * step) + step, duration > 0 ? duration : double.MaxValue), 3);
                sightings.Add(new FaceSighting(person.Key, names[person.Key], Math.Round(first.Frame * step, 3), end,
                    frames.Skip(start).Take(i - start).Max(f => f.Confidence),
                    [first.Box.Left, first.Box.Top, first.Box.Right, first.Box.Bottom]));
                start = i;
            }
        }

        return [.. sightings.OrderBy(s => s.StartTimeOffset)];
    }
}
