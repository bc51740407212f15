using Mediaflow.Media.QualityControl;

namespace Mediaflow.Engine.QualityControl;

/// <summary>Pure: what of a whole-file report falls in the TimeSpotCheck windows.</summary>
public static class SpotChecks
{
    /// <summary>Findings that overlap a window; diagnoses with a timestamp in a window, or with none (stream-level facts).</summary>
    public static QcReport Keep(QcReport report, IReadOnlyList<(double Start, double End)> windows)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(windows);
        bool Inside(double t) => windows.Any(w => t >= w.Start && t <= w.End);
        return report with
        {
            Findings = [.. report.Findings.Where(f => windows.Any(w => f.StartTime <= w.End && f.EndTime >= w.Start))],
            Diagnoses = [.. report.Diagnoses
                .Where(d => d.Timestamps.Count == 0 || d.Timestamps.Any(Inside))
                .Select(d => d.Timestamps.Count == 0 ? d : d with { Timestamps = [.. d.Timestamps.Where(Inside)] })],
        };
    }
}
