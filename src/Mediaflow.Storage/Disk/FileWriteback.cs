using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Mediaflow.Storage.Disk;

/// <summary>
/// fsync of an open file handle (.NET offers it only through <c>FileStream.Flush(true)</c>), and early writeback: on
/// Linux <c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c> starts writing a range that was just written without waiting
/// for it, so a large blob's pages go to the disk while the rest of the body is still being received and hashed, and
/// the fsync at the end finds little left to write. Early writeback is only a hint: durability comes from
/// <see cref="Fsync"/> alone.
/// </summary>
internal static partial class FileWriteback
{
    private const uint SyncFileRangeWrite = 2;

    public static void Start(SafeFileHandle file, long offset, long length)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SyncFileRange(file, offset, length, SyncFileRangeWrite); // a failure only means no head start
        }
    }

    public static void Fsync(SafeFileHandle file)
    {
        if (OperatingSystem.IsWindows())
        {
            using var stream = new FileStream(file, FileAccess.Write, 0);
            stream.Flush(flushToDisk: true);
            return;
        }

        if (FsyncHandle(file) != 0)
        {
            throw new IOException($"fsync failed (errno {Marshal.GetLastPInvokeError()})", Marshal.GetLastPInvokeError());
        }
    }

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int FsyncHandle(SafeFileHandle fd);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SyncFileRange(SafeFileHandle fd, long offset, long nbytes, uint flags);
}
