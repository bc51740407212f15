using System.IO.Pipelines;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Storage;
using Mediaflow.Storage.Buckets;
using Mediaflow.Storage.Events;
using Mediaflow.Storage.Objects;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Storage.Disk;

/// <summary>
/// The embedded store: blobs on local disk, rows in the application database. Partial files by concern:
/// <c>.Buckets</c>, <c>.Objects</c>, <c>.Listing</c>, <c>.Multipart</c>, <c>.Maintenance</c> (expiry, garbage, recovery).
/// </summary>
internal sealed partial class DiskObjectStore : IObjectStore, IDisposable
{
    private readonly IDbContextFactory<MediaflowDbContext> contexts;
    private readonly StorageOptions options;
    private readonly TimeProvider time;
    private readonly EventSignal signal;
    private readonly BlobFiles files;
    private readonly BlobWriter writer;

    // Guarantee for the trigger matcher: commits of object rows + events are serialized here, so event sequences
    // become visible in increasing order and a reader's checkpoint never skips a later-committed lower sequence.
    private readonly SemaphoreSlim commitLock = new(1, 1);

    public DiskObjectStore(IDbContextFactory<MediaflowDbContext> contexts, StorageOptions options, TimeProvider time, EventSignal signal)
    {
        this.contexts = contexts;
        this.options = options;
        this.time = time;
        this.signal = signal;
        files = new BlobFiles(options);
        writer = new BlobWriter(files, options);

        // Before the store serves anything: a temp file is only ever being written by a request of this process, so
        // whatever is in tmp/ now was left by a crash or a kill.
        files.DeleteTempFiles();
    }

    public async Task<StoredObjectInfo?> HeadAsync(long appId, string bucket, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owned = await db.Buckets.AsNoTracking().SingleOrDefaultAsync(b => b.Name == bucket && b.AppId == appId, cancellationToken);
        if (owned is null)
        {
            return null;
        }

        var row = await db.Objects.AsNoTracking().SingleOrDefaultAsync(o => o.Bucket == bucket && o.Key == key, cancellationToken);
        return row is null ? null : new StoredObjectInfo(row.AppId, row.Bucket, owned.Region, row.Key, row.BlobId, row.ETag, row.Size, row.ContentType, row.LastModified);
    }

    public Task<string?> GetBlobPathAsync(string blobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobId);
        string path;
        try
        {
            path = files.PathOf(blobId);
        }
        catch (ArgumentException)
        {
            return Task.FromResult<string?>(null);
        }

        return Task.FromResult(File.Exists(path) ? path : null);
    }

    public async Task<StoredObjectInfo> PutFileAsync(PutFileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var source = new FileStream(request.SourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var write = new ObjectWrite(request.ContentType, new Dictionary<string, string>(), null, null, request.Lineage);
        var version = await PutObjectAsync(request.AppId, request.Bucket, request.Key, source, write, cancellationToken);
        return new StoredObjectInfo(version.AppId, version.Bucket, version.Region, version.Key, version.BlobId, version.ETag, version.Size, version.ContentType, version.LastModified);
    }

    public void Dispose() => commitLock.Dispose();

    private static ObjectVersion ToVersion(ObjectRow row, string region) => new(
        row.AppId, row.Bucket, region, row.Key, row.BlobId, row.ETag, row.Size, row.ContentType, ObjectMetadata.FromJson(row.MetadataJson), row.LastModified,
        ObjectHeaders.FromJson(row.HeadersJson));

    /// <summary>Runs a body-consuming write on a pipe over <paramref name="body"/> (a stream caller's path into the pipe-based writer); the pipe is completed afterwards, the stream left open.</summary>
    private static async Task<T> ThroughPipeAsync<T>(Stream body, Func<PipeReader, Task<T>> write)
    {
        var reader = PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            return await write(reader);
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    // Truncated to whole seconds: HTTP dates carry no fractions, and listings and heads must agree.
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }
}
