namespace Mediaflow.Media.Ai;

/// <summary>What OCR read: the sampled frames, the sampling step (s) and the factor from frame to source pixels.</summary>
public sealed record TextReading(IReadOnlyList<OcrFrame> Frames, double Step, double Scale, double Duration)
{
    public IReadOnlyList<TimedText> FullText() => OcrTimeline.FullText(Frames, Step, Duration, Scale);

    public IReadOnlyList<WordOccurrence> Words() => OcrTimeline.Words(Frames, Step, Duration, Scale);
}
