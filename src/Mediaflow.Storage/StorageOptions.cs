namespace Mediaflow.Storage;

/// <summary>Settings of the embedded object store.</summary>
public sealed class StorageOptions
{
    /// <summary>The data directory; blobs live under <c>blobs/</c>, files being written under <c>tmp/</c>.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Region of buckets created without a LocationConstraint or COS Host (the server's <c>--region</c>).</summary>
    public string DefaultRegion { get; init; } = "ap-guangzhou";

    /// <summary>Smallest size of every part but the last at CompleteMultipartUpload (S3: 5 MiB); tests lower it.</summary>
    public long MinimumPartSize { get; init; } = 5L * 1024 * 1024;

    /// <summary>
    /// The same minimum for uploads completed through a COS Host (COS: 1 MB), so the COS SDKs' default 1 MB slices of
    /// sliceUploadFile complete as they do on COS.
    /// </summary>
    public long CosMinimumPartSize { get; init; } = 1024 * 1024;

    /// <summary>How far a signed request's time may be from ours (S3: 15 minutes).</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Fallback re-check of the event table while waiting, for events committed by another process.</summary>
    public TimeSpan EventPollFallback { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Page size cap of listings (S3: 1000).</summary>
    public int MaxListKeys { get; init; } = 1000;

    /// <summary>
    /// Free disk space the store keeps in reserve: a write that would go below it answers HTTP 507
    /// (<c>XMediaflowStorageFull</c>) and leaves nothing behind. 0 turns the guard off (a full disk still answers 507).
    /// </summary>
    public long MinFreeBytes { get; init; }

    /// <summary>A multipart upload not completed or aborted this long after its initiation is removed with its parts.</summary>
    public TimeSpan MultipartExpiry { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a blob stays on disk after nothing references it (overwritten or deleted objects): a task reads its
    /// input by blob id, possibly after the key changed. Blobs that are the input of an unfinished task are kept longer.
    /// </summary>
    public TimeSpan BlobGracePeriod { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How often the maintenance service expires uploads and collects garbage.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromMinutes(10);

    internal string BlobDirectory => Path.Combine(RootDirectory, "blobs");

    internal string TempDirectory => Path.Combine(RootDirectory, "tmp");
}
