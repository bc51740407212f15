namespace Mediaflow.Media.Jobs;

/// <summary><c>scale=w=W:h=H</c>: resize to exactly W×H.</summary>
public sealed record ScaleFilter(long Width, long Height) : Filter
{
    public override string Name => "scale";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("w", Width), Arg("h", Height)];
}

/// <summary><c>pad=w=W:h=H:x=X:y=Y:color=C</c>: place the picture on a W×H canvas.</summary>
public sealed record PadFilter(long Width, long Height, long X, long Y, string Color = "black") : Filter
{
    public override string Name => "pad";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("w", Width), Arg("h", Height), Arg("x", X), Arg("y", Y), Arg("color", Color)];
}

/// <summary><c>fps=fps=N/D</c>: constant output frame rate.</summary>
public sealed record FpsFilter(long Numerator, long Denominator = 1) : Filter
{
    public override string Name => "fps";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("fps", FormattableString.Invariant($"{Numerator}/{Denominator}"))];
}

/// <summary><c>format=pix_fmts=F</c>: pixel format for the encoder.</summary>
public sealed record FormatFilter(string PixelFormat) : Filter
{
    public override string Name => "format";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("pix_fmts", PixelFormat)];
}

/// <summary><c>setsar=sar=R</c>: sample aspect ratio (1 = square pixels).</summary>
public sealed record SetSarFilter(string Ratio = "1") : Filter
{
    public override string Name => "setsar";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("sar", Ratio)];
}

/// <summary><c>split=outputs=N</c>: one decode feeding N chains.</summary>
public sealed record SplitFilter(int Outputs) : Filter
{
    public override string Name => "split";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("outputs", Outputs)];
}
