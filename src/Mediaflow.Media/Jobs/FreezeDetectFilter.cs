namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>freezedetect=n=N:d=D</c>: marks frames that differ from the freeze's first frame by less than the noise ratio
/// <paramref name="Noise"/> for at least <paramref name="Seconds"/>, in frame metadata <c>lavfi.freezedetect.freeze_start/end</c>.
/// </summary>
public sealed record FreezeDetectFilter(double Noise, double Seconds) : Filter
{
    public override string Name => "freezedetect";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("n", FilterNumbers.Format(Noise)), Arg("d", FilterNumbers.Format(Seconds))];
}
