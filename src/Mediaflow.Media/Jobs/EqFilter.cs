namespace Mediaflow.Media.Jobs;

/// <summary><c>eq</c>: brightness (-1..1, 0 = none), contrast / saturation / gamma (1 = none). Null = unchanged.</summary>
public sealed record EqFilter : Filter
{
    public double? Brightness { get; init; }
    public double? Contrast { get; init; }
    public double? Saturation { get; init; }
    public double? Gamma { get; init; }

    public override string Name => "eq";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        var args = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in new[] { ("brightness", Brightness), ("contrast", Contrast), ("saturation", Saturation), ("gamma", Gamma) })
        {
            if (value is { } v)
            {
                args.Add(Arg(key, FilterNumbers.Format(v)));
            }
        }

        return args;
    }
}
