namespace Mediaflow.Storage.Disk;

/// <summary>A blob written, fsynced and renamed into place, not yet referenced by any row.</summary>
internal sealed record WrittenBlob(string BlobId, string Path, long Size, byte[] Md5)
{
    public string Md5Hex => Convert.ToHexStringLower(Md5);
}
