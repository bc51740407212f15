using System.Globalization;

namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>aphasemeter=video=0:phasing=1:angle=A:duration=D</c>: logs <c>out_phase_start</c>/<c>out_phase_end</c> when the
/// two channels' phase angle stays beyond A degrees for at least D seconds (the filter takes stereo; ffmpeg converts).
/// </summary>
public sealed record AphasemeterFilter(double Angle, double MinDuration) : Filter
{
    public override string Name => "aphasemeter";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
    [
        Arg("video", 0), Arg("phasing", 1),
        Arg("angle", Angle.ToString("0.###", CultureInfo.InvariantCulture)),
        Arg("duration", MinDuration.ToString("0.###", CultureInfo.InvariantCulture)),
    ];
}
