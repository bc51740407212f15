namespace Mediaflow.Media.Jobs;

/// <summary><c>concat=n=N:v=V:a=A</c>: joins N segments, each given as V video then A audio inputs, one after another.</summary>
public sealed record ConcatFilter(int Segments, int VideoStreams, int AudioStreams) : Filter
{
    public override string Name => "concat";

    public override IEnumerable<KeyValuePair<string, string>> Arguments() =>
        [Arg("n", Segments), Arg("v", VideoStreams), Arg("a", AudioStreams)];
}
