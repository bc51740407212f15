namespace Mediaflow.Storage.Disk;

/// <summary>
/// Where blob bytes live: <c>blobs/ab/cd/&lt;id&gt;</c> under generated ids, never under paths built from keys, and
/// <c>tmp/&lt;id&gt;</c> while being written. A blob is immutable once renamed into place.
/// </summary>
internal sealed class BlobFiles(StorageOptions options)
{
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string NewId() => Guid.NewGuid().ToString("N");

    public string PathOf(string blobId)
    {
        if (blobId.Length != 32 || blobId.AsSpan().ContainsAnyExcept(LowerHex))
        {
            throw new ArgumentException("not a blob id", nameof(blobId));
        }

        return Path.Combine(options.BlobDirectory, blobId[..2], blobId[2..4], blobId);
    }

    public string NewTempPath()
    {
        Directory.CreateDirectory(options.TempDirectory);
        return Path.Combine(options.TempDirectory, NewId());
    }

    /// <summary>Renames a finished, fsynced temp file into place under a new blob id.</summary>
    public string Promote(string tempPath)
    {
        var blobId = NewId();
        var target = PathOf(blobId);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(tempPath, target);
        return blobId;
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
