namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>loudnorm</c> (EBU R128): target integrated loudness <see cref="Integrated"/> LUFS, true peak <see cref="TruePeak"/>
/// dBTP, loudness range <see cref="Range"/> LU. Measure pass: <see cref="PrintJson"/> (<c>print_format=json</c>, the
/// statistics end up in the log). Normalising pass: <see cref="Measured"/> from the measure pass and <c>linear=true</c>.
/// </summary>
public sealed record LoudnormFilter(double Integrated, double TruePeak, double Range) : Filter
{
    public bool PrintJson { get; init; }

    public LoudnessMeasurement? Measured { get; init; }

    public override string Name => "loudnorm";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        var args = new List<KeyValuePair<string, string>>
        {
            Arg("I", FilterNumbers.Format(Integrated)),
            Arg("TP", FilterNumbers.Format(TruePeak)),
            Arg("LRA", FilterNumbers.Format(Range)),
        };
        if (Measured is { } m)
        {
            args.Add(Arg("measured_I", FilterNumbers.Format(m.InputIntegrated)));
            args.Add(Arg("measured_TP", FilterNumbers.Format(m.InputTruePeak)));
            args.Add(Arg("measured_LRA", FilterNumbers.Format(m.InputRange)));
            args.Add(Arg("measured_thresh", FilterNumbers.Format(m.InputThreshold)));
            args.Add(Arg("offset", FilterNumbers.Format(m.TargetOffset)));
            args.Add(Arg("linear", "true"));
        }

        if (PrintJson)
        {
            args.Add(Arg("print_format", "json"));
        }

        return args;
    }
}
