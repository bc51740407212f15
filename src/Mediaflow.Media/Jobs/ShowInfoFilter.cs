namespace Mediaflow.Media.Jobs;

/// <summary><c>showinfo</c>: logs each frame's number and timestamp, so a node reports the time of the frame it wrote.</summary>
public sealed record ShowInfoFilter : Filter
{
    public override string Name => "showinfo";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() => [];
}
