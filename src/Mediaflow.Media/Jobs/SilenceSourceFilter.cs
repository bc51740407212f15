using System.Globalization;

namespace Mediaflow.Media.Jobs;

/// <summary><c>anullsrc=r=R:cl=L:d=D</c>: a source of <paramref name="Seconds"/> of silence (for a clip without audio).</summary>
public sealed record SilenceSourceFilter(long SampleRate, string ChannelLayout, double Seconds) : Filter
{
    public override string Name => "anullsrc";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("r", SampleRate), Arg("cl", ChannelLayout), Arg("d", Seconds.ToString("0.######", CultureInfo.InvariantCulture))];
}
