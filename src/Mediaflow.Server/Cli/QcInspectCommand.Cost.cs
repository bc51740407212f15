using System.Diagnostics;
using System.Runtime.InteropServices;
using Mediaflow.Media.QualityControl;

namespace Mediaflow.Server.Cli;

public static partial class QcInspectCommand
{
    /// <summary>
    /// What one content-inspector call cost, measured around that call alone (the probe ran before, so its ffprobe is
    /// not counted): wall seconds; this process's CPU (<c>getrusage(RUSAGE_SELF)</c>: the feeds' readers, stderr
    /// parsing, the frame detectors, GC, JIT); ffmpeg's CPU (<c>getrusage(RUSAGE_CHILDREN)</c>, the children reaped in
    /// the window); and each frame detector's thread CPU in OnFrame, part of the process CPU.
    /// </summary>
    public sealed record ContentPassCost(int Run, double WallSeconds, double CpuSeconds, double FfmpegCpuSeconds, IReadOnlyDictionary<string, double> DetectorCpuSeconds);

    private static async Task<(QcReport Report, ContentPassCost Cost)> MeasureAsync(ContentInspector inspector, QcInspection inspection, int run, CancellationToken cancellationToken)
    {
        var detectors = new ContentInspector.DetectorCpu();
        var (self, children) = (CpuSeconds(Self), CpuSeconds(Children));
        var clock = Stopwatch.StartNew();
        var report = await inspector.InspectAsync(inspection, new Progress<double>(), detectors, cancellationToken);
        var wall = clock.Elapsed.TotalSeconds;
        var cost = new ContentPassCost(run, Math.Round(wall, 3), Math.Round(CpuSeconds(Self) - self, 3), Math.Round(CpuSeconds(Children) - children, 3),
            new SortedDictionary<string, double>(detectors.Seconds.ToDictionary(d => d.Key, d => Math.Round(d.Value, 3)), StringComparer.Ordinal));
        return (report, cost);
    }

    /// <summary>The getrusage/clock_gettime layouts used here are 64-bit Linux's; elsewhere the cost is not measured.</summary>
    private static bool CanMeasure => ContentInspector.DetectorCpu.IsSupported;

    private const int Self = 0, Children = -1;

    /// <summary>User + system CPU seconds of <c>getrusage(who)</c>.</summary>
    private static double CpuSeconds(int who)
    {
        if (GetResourceUsage(who, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage({who}) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    /// <summary>Linux's <c>struct rusage</c> on 64-bit: two timevals, then fourteen longs this command does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
}
