namespace Mediaflow.Domain.Ai;

/// <summary><c>AiSampleFaceOperation</c> / <c>AiSampleTagOperation</c>: <c>add</c>, <c>delete</c> or <c>reset</c> faces (by FaceIds / FaceContents) or tags.</summary>
public sealed record SampleOperation
{
    public string? Type { get; init; }
    public IReadOnlyList<string>? FaceIds { get; init; }
    public IReadOnlyList<string>? FaceContents { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}
