using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Ai;

/// <summary><c>AiSampleFaceOperation</c> / <c>AiSampleTagOperation</c>: <c>add</c>, <c>delete</c> or <c>reset</c> faces (by FaceIds / FaceContents) or tags.</summary>
public sealed record SampleOperation
{
    public string? Type { get; init; }
    public IReadOnlyList<string>? FaceIds { get; init; }
    public IReadOnlyList<string>? FaceContents { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>A sample's tags after this tag operation (person and word samples share it).</summary>
    public List<string> ApplyToTags(IEnumerable<string> tags)
    {
        var given = Tags ?? [];
        return Type switch
        {
            "add" => [.. tags.Concat(given).Distinct(StringComparer.Ordinal)],
            "delete" => [.. tags.Where(t => !given.Contains(t))],
            "reset" => [.. given.Distinct(StringComparer.Ordinal)],
            _ => throw new ApiException(ApiErrorCodes.InvalidValue("Type"), "TagOperationInfo.Type must be add, delete or reset."),
        };
    }
}
