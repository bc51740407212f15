namespace Mediaflow.Media.Jobs;

/// <summary><c>apad=pad_dur=S</c>: appends S seconds of silence (speech recognizers close an utterance only on silence).</summary>
public sealed record ApadFilter(double PadSeconds) : Filter
{
    public override string Name => "apad";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("pad_dur", PadSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))];
}
