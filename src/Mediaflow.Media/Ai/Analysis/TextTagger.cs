using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Ai.Analysis;

/// <summary>
/// Tags from recognized text: the burned-in text OCR reads (<see cref="TextRecognizer"/>, when there is video) and the
/// speech ASR hears (<see cref="SpeechRecognizer"/>, when there is audio), turned into keywords by <see cref="KeywordTagger"/>.
/// </summary>
public sealed class TextTagger(TextRecognizer text, SpeechRecognizer speech)
{
    public const string Ocr = "OCR";
    public const string Asr = "ASR";

    public async Task<IReadOnlyList<KeywordTag>> TagAsync(string inputPath, ProbeResult probe, string workDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var words = new List<(string, double, string)>();
        if (probe.Video is { } video)
        {
            var reading = await text.ReadAsync(inputPath, probe.Duration, (int)video.Width, (int)video.Height, Path.Combine(workDirectory, "tag-ocr"), null, cancellationToken);
            words.AddRange(reading.Words().Select(w => (w.Word, w.Confidence, Ocr)));
        }

        if (probe.HasAudio)
        {
            var utterances = await speech.RecognizeAsync(inputPath, probe.Duration, hasAudio: true, Path.Combine(workDirectory, "tag-asr"), null, cancellationToken);
            words.AddRange(utterances.SelectMany(u => u.Words).Select(w => (w.Word, w.Confidence, Asr)));
        }

        return KeywordTagger.Tags(words);
    }
}
