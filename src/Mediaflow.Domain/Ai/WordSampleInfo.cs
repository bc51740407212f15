namespace Mediaflow.Domain.Ai;

/// <summary><c>AiSampleWordInfo</c>: one keyword of a CreateWordSamples request and its tags.</summary>
public sealed record WordSampleInfo
{
    public string? Keyword { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}
