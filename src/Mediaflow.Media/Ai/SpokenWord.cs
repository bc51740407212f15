namespace Mediaflow.Media.Ai;

/// <summary>One recognized word with its time range (s) and confidence (0–100).</summary>
public sealed record SpokenWord(string Word, double Start, double End, double Confidence);
