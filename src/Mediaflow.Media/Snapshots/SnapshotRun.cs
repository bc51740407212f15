namespace Mediaflow.Media.Snapshots;

/// <summary>What an image node wrote: the images in order, their frame size, and the ffmpeg command lines and log tail.</summary>
public sealed record SnapshotRun
{
    public required IReadOnlyList<SnapshotImage> Images { get; init; }
    public long Width { get; init; }
    public long Height { get; init; }
    public required string CommandLine { get; init; }
    public IReadOnlyList<string> LogTail { get; init; } = [];
}
