using Mediaflow.Domain.Ai;

namespace Mediaflow.Media.Ai.Review;

/// <summary>
/// Text-based content review (docs/media-ai-review.md): speech through <see cref="SpeechRecognizer"/> and on-screen text
/// through <see cref="TextRecognizer"/> (each run once, only when a switch needs it), then every enabled switch's
/// keywords are looked for in what was recognized.
/// </summary>
public sealed class ContentReviewer(SpeechRecognizer speech, TextRecognizer text, AiOptions options)
{
    public async Task<IReadOnlyList<LabelReview>> ReviewAsync(ReviewMedia media, IReadOnlyList<ReviewCheck> checks, ReviewLibrary library,
        string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(library);
        var textChecks = checks.Where(c => c.Source != ReviewSource.Img).ToList();
        var needsOcr = textChecks.Any(c => c.Source == ReviewSource.Ocr);
        var needsAsr = textChecks.Any(c => c.Source == ReviewSource.Asr);
        var share = 100.0 / Math.Max(1, (needsOcr ? 1 : 0) + (needsAsr ? 1 : 0));

        IReadOnlyList<TimedText> shown = [];
        if (needsOcr)
        {
            if (media.Width <= 0 || media.Height <= 0)
            {
                throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "OCR review needs a video stream and the source has none.");
            }

            var reading = await text.ReadAsync(media.Path, media.VideoDuration, media.Width, media.Height, workDirectory,
                new Progress<double>(p => progress?.Report(p * share / 100)), cancellationToken);
            shown = reading.FullText();
        }

        IReadOnlyList<Utterance> said = [];
        if (needsAsr)
        {
            said = await speech.RecognizeAsync(media.Path, media.Duration, media.HasAudio, Path.Combine(workDirectory, "asr"),
                new Progress<double>(p => progress?.Report((needsOcr ? share : 0) + (p * share / 100))), cancellationToken);
        }

        return [.. textChecks.Select(check =>
        {
            var keywords = library.For(check.Source).Where(k => k.Label == check.Label).Select(k => k.Keyword).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var hits = check.Source == ReviewSource.Asr ? TextReviewer.Speech(said, keywords) : TextReviewer.Text(shown, keywords);
            return LabelReview.From(check, hits, check.Source == ReviewSource.Ocr ? options.OcrFramesPerSecond : 0, media.Duration);
        })];
    }
}
