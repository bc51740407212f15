using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Streaming;

/// <summary>What an adaptive stream produced: every file (the master playlist first) and each variant's measured facts.</summary>
public sealed record AdaptiveResult
{
    public required IReadOnlyList<ProducedFile> Files { get; init; }

    /// <summary>Per sub-stream, in master playlist order, with its template number.</summary>
    public required IReadOnlyList<(int Number, HlsVariant Variant)> Variants { get; init; }

    public required string CommandLine { get; init; }

    public required IReadOnlyList<string> LogTail { get; init; }
}
