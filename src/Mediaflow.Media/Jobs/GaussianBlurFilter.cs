namespace Mediaflow.Media.Jobs;

/// <summary><c>gblur=sigma=S</c>: the blurred backdrop of FillType gauss.</summary>
public sealed record GaussianBlurFilter(long Sigma) : Filter
{
    public override string Name => "gblur";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [Arg("sigma", Sigma)];
}
