namespace Mediaflow.Media.Jobs;

/// <summary><c>afftdn=nr=R:nf=F</c>: FFT broadband noise reduction by R dB, noise floor F dBFS.</summary>
public sealed record AfftdnFilter(double NoiseReduction, double NoiseFloor) : Filter
{
    public override string Name => "afftdn";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("nr", FilterNumbers.Format(NoiseReduction)), Arg("nf", FilterNumbers.Format(NoiseFloor))];
}
