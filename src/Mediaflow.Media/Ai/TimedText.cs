namespace Mediaflow.Media.Ai;

/// <summary>Text shown over a time range: the lines (full text) of consecutive frames that read the same.</summary>
public sealed record TimedText(double StartTimeOffset, double EndTimeOffset, IReadOnlyList<TextArea> Lines);
