namespace Mediaflow.Storage.Disk;

/// <summary>
/// Where blob bytes live: <c>blobs/ab/cd/&lt;id&gt;</c> under generated ids, never under paths built from keys, and
/// <c>tmp/&lt;id&gt;</c> while being written. A blob is immutable once renamed into place.
/// </summary>
internal sealed class BlobFiles(StorageOptions options)
{
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static bool IsBlobId(string name) => name.Length == 32 && !name.AsSpan().ContainsAnyExcept(LowerHex);

    public string PathOf(string blobId)
    {
        if (!IsBlobId(blobId))
        {
            throw new ArgumentException("not a blob id", nameof(blobId));
        }

        return Path.Combine(options.BlobDirectory, blobId[..2], blobId[2..4], blobId);
    }

    // Set once tmp/ exists, so a write does not pay a mkdir call (nothing but a person removes tmp/ while serving).
    private volatile bool tempDirectoryReady;

    public string NewTempPath()
    {
        if (!tempDirectoryReady)
        {
            Directory.CreateDirectory(options.TempDirectory);
            tempDirectoryReady = true;
        }

        return Path.Combine(options.TempDirectory, NewId());
    }

    // New blobs share one fan-out leaf (blobs/ab/cd/) until this process has put LeafFill blobs into it. With a random
    // leaf per blob, a young store created a directory — and paid an fsync of its parent — for nearly every blob.
    private const int LeafFill = 1024;
    private readonly Lock leafLock = new();
    private string? activeLeaf;
    private int activeLeafCount;

    /// <summary>
    /// Renames a finished, fsynced temp file into place under a new blob id, then fsyncs the directories whose entries
    /// changed, so the rename (and a newly created fan-out directory) survives a power cut before the commit.
    /// </summary>
    public string Promote(string tempPath)
    {
        var blobId = NewId();
        lock (leafLock)
        {
            if (activeLeaf is not null && activeLeafCount < LeafFill)
            {
                activeLeafCount++;
                blobId = activeLeaf + blobId[4..]; // 106 random bits remain; the leaf exists and its entry is durable
            }
        }

        var target = PathOf(blobId);
        var directory = Path.GetDirectoryName(target)!;
        var created = new List<string>();
        for (var d = directory; !Directory.Exists(d); d = Path.GetDirectoryName(d)!)
        {
            created.Add(d);
        }

        Directory.CreateDirectory(directory);
        File.Move(tempPath, target);
        DirectorySync.Flush(directory);
        foreach (var parent in created.Select(Path.GetDirectoryName).Distinct())
        {
            DirectorySync.Flush(parent!);
        }

        lock (leafLock)
        {
            if (activeLeaf is null || activeLeafCount >= LeafFill)
            {
                activeLeaf = blobId[..4];
                activeLeafCount = 1;
            }
        }

        return blobId;
    }

    /// <summary>Every blob id with a file on disk (the recovery scan at start).</summary>
    public IEnumerable<string> EnumerateBlobIds() =>
        Directory.Exists(options.BlobDirectory)
            ? Directory.EnumerateFiles(options.BlobDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).Where(IsBlobId)
            : [];

    /// <summary>Deletes every file in <c>tmp/</c>; only called before the store serves requests.</summary>
    public int DeleteTempFiles()
    {
        if (!Directory.Exists(options.TempDirectory))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(options.TempDirectory))
        {
            TryDelete(file);
            count++;
        }

        return count;
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: an orphaned file is collected later; the DB never points at it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
