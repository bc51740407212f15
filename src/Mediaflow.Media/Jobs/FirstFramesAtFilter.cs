using System.Globalization;

namespace Mediaflow.Media.Jobs;

/// <summary>
/// <c>select</c> keeping, for every time in <see cref="Seconds"/>, the first frame at or after it (timestamps from the
/// first frame, see <see cref="SetPtsFilter"/>): a frame is kept when its time reached an offset the previous frame had
/// not (<c>prev_t</c> is NAN before the first frame, and comparisons with NAN are false, so offset 0 keeps frame 0).
/// The same frame as an accurate input seek to that time, found in one decode.
/// </summary>
public sealed record FirstFramesAtFilter(IReadOnlyList<double> Seconds) : Filter
{
    public override string Name => "select";

    public override IEnumerable<KeyValuePair<string, string>> Arguments()
    {
        var terms = Seconds.Distinct().Order().Select(s =>
        {
            var t = s.ToString("0.######", CultureInfo.InvariantCulture);
            return $"gte(t,{t})*not(gte(prev_t,{t}))";
        });
        yield return Arg("expr", string.Join('+', terms));
    }

    public override bool IsExpression(string key) => key == "expr";
}
