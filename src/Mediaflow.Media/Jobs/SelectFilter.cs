using System.Globalization;

namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>select</c> keeping the first frame at or after every multiple of <see cref="IntervalSeconds"/> (timestamps from the
/// first frame, see <see cref="SetPtsFilter"/>): frame 0, then each frame whose interval bucket differs from the previous
/// frame's. Exact frames, also for variable frame rates; an empty bucket (a gap in the source) yields no image.
/// </summary>
public sealed record SelectFilter(double IntervalSeconds) : Filter
{
    public override string Name => "select";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        var n = IntervalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
        // The 1e-6 absorbs float error in t/N (0.6/0.2 = 2.9999…), so a frame exactly on a grid point opens its bucket.
        yield return Arg("expr", $"eq(n,0)+gt(floor(t/{n}+0.000001),floor(prev_t/{n}+0.000001))");
    }

    public override bool IsExpression(string key) => key == "expr";
}
