using System.Runtime.InteropServices;

namespace Mediaflow.Media.Processes;

/// <summary>POSIX <c>kill(2)</c>: .NET can only SIGKILL a process; ffmpeg finishes cleanly on SIGTERM/SIGINT.</summary>
internal static class NativeSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM; false when not on a POSIX system or the process is gone.</summary>
    public static bool TryTerminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return Kill(pid, SigTerm) == 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
