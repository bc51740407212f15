namespace Mediaflow.Media.Ai.Review;

/// <summary>Evidence of one label: a time range (s) where its keywords were heard or read, the engine's confidence (0–100) and, for text, the box.</summary>
public sealed record ReviewHit(double StartTimeOffset, double EndTimeOffset, double Confidence, IReadOnlyList<string> Keywords, TextArea? Area);
