namespace Mediaflow.Media.Jobs;

/// <summary>
/// One output whose encoded streams are written to several files (<c>-f tee</c>): slave i gets the output's video stream
/// i and every audio stream, through its own muxer. Sibling fusion uses it so that members which encode the same source
/// audio the same way share one audio encode (<see cref="Fusion.JobFusion"/>); each file holds the same packets a
/// separate output would. The output's <see cref="FfmpegOutput.Path"/> is the first slave's file; the encoders write
/// global headers (<c>-flags +global_header</c>), which the mp4 slaves need because tee itself declares none.
/// </summary>
public sealed record TeeMuxer(IReadOnlyList<TeeSlave> Slaves) : Muxer
{
    public override string Name => "tee";
}
