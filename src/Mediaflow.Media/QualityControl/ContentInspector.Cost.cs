using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Mediaflow.Media.QualityControl;

public sealed partial class ContentInspector
{
    /// <summary>
    /// Runs the content pass like <see cref="InspectAsync(QcInspection, IProgress{double}, CancellationToken)"/> and adds
    /// each frame detector's thread CPU in <see cref="IFrameDetectorRun.OnFrame"/> to <paramref name="cost"/>. For the
    /// CLI and the bench: the report (and so the API's and notifications' QualityControlData) does not carry it.
    /// </summary>
    public Task<QcReport> InspectAsync(QcInspection inspection, IProgress<double> progress, DetectorCpu cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (!DetectorCpu.IsSupported)
        {
            throw new PlatformNotSupportedException("a frame detector's thread CPU is measured on 64-bit Linux only");
        }

        return InspectCoreAsync(inspection, progress, cost, cancellationToken);
    }

    /// <summary>
    /// The thread CPU (user + system, Linux <c>CLOCK_THREAD_CPUTIME_ID</c>) the frame detectors spent on their frames,
    /// summed per detector type (its name without <c>FrameDetector</c>: <c>Code</c>, <c>Brisque</c>, <c>Jitter</c>…).
    /// Safe to add to from the feeds' threads. Only the detector's own thread is counted: work a library hands to its
    /// own worker threads (OpenCV's parallel loops) shows in the process's CPU, not here.
    /// </summary>
    public sealed class DetectorCpu
    {
        private readonly ConcurrentDictionary<string, long> nanoseconds = new(StringComparer.Ordinal);

        /// <summary>Whether this platform can measure it: the clock id and <c>timespec</c> layout used are 64-bit Linux's.</summary>
        public static bool IsSupported => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

        /// <summary>Seconds per detector, in name order.</summary>
        public IReadOnlyDictionary<string, double> Seconds
        {
            get
            {
                var seconds = new SortedDictionary<string, double>(StringComparer.Ordinal);
                foreach (var (name, sum) in nanoseconds)
                {
                    seconds[name] = sum / 1e9;
                }

                return seconds;
            }
        }

        internal static string NameOf(IFrameDetector detector)
        {
            var name = detector.GetType().Name;
            return name.EndsWith("FrameDetector", StringComparison.Ordinal) && name.Length > "FrameDetector".Length ? name[..^"FrameDetector".Length] : name;
        }

        internal void Add(string detector, long threadNanoseconds) => nanoseconds.AddOrUpdate(detector, threadNanoseconds, (_, sum) => sum + threadNanoseconds);
    }

    /// <summary>One started detector run and the name its CPU is counted under.</summary>
    private sealed record NamedRun(string Name, IFrameDetectorRun Run);

    /// <summary>The calling thread's CPU time so far in nanoseconds (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
    private static long ThreadCpuNanoseconds()
    {
        const int ThreadCpuClock = 3;
        if (ClockGetTime(ThreadCpuClock, out var now) != 0)
        {
            throw MediaFailure.Internal($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
