using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Mediaflow.Media.QualityControl;

/// <summary>
/// A named pipe (FIFO) ffmpeg writes the gray frames to, read here while it runs, so frames never pile up on disk. The
/// reading end is opened non-blocking (then switched to blocking reads) together with a writing end of our own: neither
/// open waits for ffmpeg, and reads wait for data instead of seeing end-of-file before ffmpeg opened its end. After
/// ffmpeg is gone <see cref="CloseWriter"/> drops our writing end, so the reader gets end-of-file once the pipe is drained,
/// whether ffmpeg wrote everything or never opened the pipe.
/// </summary>
internal sealed class FramePipe : IDisposable
{
    private const int ReadOnly = 0, WriteOnly = 1, NonBlocking = 0x800, GetFlags = 3, SetFlags = 4;

    private readonly SafeFileHandle reader;
    private SafeFileHandle? writer;

    private FramePipe(string path, SafeFileHandle reader, SafeFileHandle writer)
    {
        Path = path;
        this.reader = reader;
        this.writer = writer;
    }

    public string Path { get; }

    public static FramePipe Create(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw MediaFailure.Internal("frame detectors need a Linux FIFO for the content pass");
        }

        if (MakeFifo(path, Convert.ToUInt32("600", 8)) != 0)
        {
            throw MediaFailure.Internal($"mkfifo {path}: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
        }

        var readFd = Open(path, ReadOnly | NonBlocking);
        if (readFd < 0)
        {
            throw MediaFailure.Internal($"open {path}: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
        }

        var reader = new SafeFileHandle(readFd, ownsHandle: true);
        var writeFd = Open(path, WriteOnly);
        if (writeFd < 0 || Fcntl(readFd, SetFlags, Fcntl(readFd, GetFlags, 0) & ~NonBlocking) < 0)
        {
            reader.Dispose();
            throw MediaFailure.Internal($"open {path} for writing: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
        }

        return new FramePipe(path, reader, new SafeFileHandle(writeFd, ownsHandle: true));
    }

    /// <summary>
    /// Reads whole frames of <paramref name="frameBytes"/> until end-of-file; blocking, run it on its own thread. The
    /// frame handed out is the reader's buffer: the callback may change it in place, and must not keep it.
    /// </summary>
    public void ReadFrames(int frameBytes, Action<long, Span<byte>> onFrame)
    {
        using var stream = new FileStream(reader, FileAccess.Read, bufferSize: 0);
        var buffer = new byte[frameBytes];
        long index = 0;
        while (true)
        {
            var filled = 0;
            while (filled < frameBytes)
            {
                var read = stream.Read(buffer, filled, frameBytes - filled);
                if (read == 0)
                {
                    return;
                }

                filled += read;
            }

            onFrame(index++, buffer);
        }
    }

    /// <summary>Drops our writing end: the reader ends once ffmpeg's end is closed too and the pipe is empty.</summary>
    public void CloseWriter()
    {
        writer?.Dispose();
        writer = null;
    }

    public void Dispose()
    {
        CloseWriter();
        reader.Dispose();
        File.Delete(Path);
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fcntl(int fd, int command, int argument);
}
