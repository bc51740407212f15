namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>zscale</c> (libzimg) colour conversion: output transfer <c>t</c>, primaries <c>p</c>, matrix <c>m</c>, range <c>r</c>,
/// nominal peak luminance <c>npl</c> (cd/m² of linear 1.0); the <c>…in</c> members override what the frames are tagged
/// with (for untagged sources). Null = unchanged / from the frame.
/// </summary>
public sealed record ZscaleFilter : Filter
{
    public string? Transfer { get; init; }
    public string? Primaries { get; init; }
    public string? Matrix { get; init; }
    public string? Range { get; init; }
    public double? NominalPeak { get; init; }
    public string? TransferIn { get; init; }
    public string? PrimariesIn { get; init; }
    public string? MatrixIn { get; init; }

    public override string Name => "zscale";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        var args = new List<KeyValuePair<string, string>>();
        Add(args, "tin", TransferIn);
        Add(args, "pin", PrimariesIn);
        Add(args, "min", MatrixIn);
        Add(args, "t", Transfer);
        Add(args, "p", Primaries);
        Add(args, "m", Matrix);
        Add(args, "r", Range);
        if (NominalPeak is { } npl)
        {
            args.Add(Arg("npl", FilterNumbers.Format(npl)));
        }

        return args;
    }

    private static void Add(List<KeyValuePair<string, string>> args, string key, string? value)
    {
        if (value is not null)
        {
            args.Add(Arg(key, value));
        }
    }
}
