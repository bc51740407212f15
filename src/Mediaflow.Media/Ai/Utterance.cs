namespace Mediaflow.Media.Ai;

/// <summary>One stretch of speech between pauses: its text, time range, mean confidence (0–100) and words.</summary>
public sealed record Utterance(string Text, double Start, double End, double Confidence, IReadOnlyList<SpokenWord> Words);
