namespace Mediaflow.Media.Ai;

/// <summary>One time range a word was read or heard, with its confidence (0–100) and, for text, its box.</summary>
public sealed record WordOccurrence(string Word, double StartTimeOffset, double EndTimeOffset, double Confidence, TextArea? Area);
