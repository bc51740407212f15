using System.Runtime.InteropServices;

namespace Mediaflow.Media.Probing;

/// <summary>
/// What <see cref="FileInfo"/> does not show: a file's device, inode and status-change time (ctime), from Linux
/// <c>statx(2)</c>. The ctime moves with every write and every metadata change, and no call sets it back (unlike the
/// last-write time, which <c>cp -p</c>, <c>rsync -t</c> or <c>touch -r</c> restore); with the inode it tells a file
/// rewritten in place or replaced from the one stat'ed before. Elsewhere, or when statx fails, the stamp is
/// <c>default</c> and the caller keeps what <see cref="FileInfo"/> tells.
/// </summary>
internal static partial class FileChangeStamp
{
    private const int CurrentDirectory = -100; // AT_FDCWD (the path is absolute anyway)
    private const int SyncAsStat = 0; // AT_STATX_SYNC_AS_STAT
    private const uint InodeAndChangeTime = 0x100 | 0x80; // STATX_INO | STATX_CTIME

    public readonly record struct Stamp(uint DeviceMajor, uint DeviceMinor, ulong Inode, long ChangeSeconds, uint ChangeNanoseconds);

    public static Stamp Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return default;
        }

        if (Statx(CurrentDirectory, path, SyncAsStat, InodeAndChangeTime, out var status) != 0 || (status.Mask & InodeAndChangeTime) != InodeAndChangeTime)
        {
            return default;
        }

        return new Stamp(status.DeviceMajor, status.DeviceMinor, status.Inode, status.ChangeSeconds, status.ChangeNanoseconds);
    }

    /// <summary><c>struct statx</c> (the same 256-byte layout on every Linux architecture); only the fields read here.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(96)] public long ChangeSeconds;
        [FieldOffset(104)] public uint ChangeNanoseconds;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer status);
}
