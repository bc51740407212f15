namespace Mediaflow.Media.Snapshots;

/// <summary>One written image and the time of the frame it shows, in seconds from the first frame (DESIGN §7.6).</summary>
public sealed record SnapshotImage(string LocalPath, double TimeOffset);
