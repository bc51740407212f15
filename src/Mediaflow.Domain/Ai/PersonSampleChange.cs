namespace Mediaflow.Domain.Ai;

/// <summary>
/// A Create/ModifyPersonSample request (reference/mps-api.md §4 AI samples; the SDK's <c>AiSampleFaceOperation</c> and
/// <c>AiSampleTagOperation</c> for Modify): faces are base64 JPEG/PNG photos of one person, at most 5 per request.
/// </summary>
public sealed record PersonSampleChange
{
    public string? PersonId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Usages { get; init; }
    public IReadOnlyList<string>? FaceContents { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public SampleOperation? FaceOperationInfo { get; init; }
    public SampleOperation? TagOperationInfo { get; init; }
}
