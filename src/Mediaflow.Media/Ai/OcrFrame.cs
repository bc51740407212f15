namespace Mediaflow.Media.Ai;

/// <summary>The words read on one sampled frame and the frame's time (s from the first frame).</summary>
public sealed record OcrFrame(double Time, IReadOnlyList<OcrWord> Words);
