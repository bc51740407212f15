namespace Mediaflow.Media.Jobs;

/// <summary>One file of a <see cref="TeeMuxer"/> output: the tee output's video stream <see cref="VideoStream"/> and its audio, muxed as MP4/MOV.</summary>
public sealed record TeeSlave(string Path, Mp4Muxer Muxer, int VideoStream)
{
    /// <summary>
    /// Whether a path can stand in a tee slave list as it is: absolute, and only letters, digits and <c>/ . _ -</c>, so
    /// nothing in it reads as tee syntax (<c>| [ ] : \ '</c>). Other paths keep an output of their own.
    /// </summary>
    public static bool IsPlainPath(string path) =>
        path.StartsWith('/') && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-');
}
