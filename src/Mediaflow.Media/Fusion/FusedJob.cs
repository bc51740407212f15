using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Fusion;

/// <summary>
/// N single-input jobs merged into one ffmpeg process (<see cref="JobFusion"/>). <see cref="FilterOffsets"/>[k] is how
/// many filters precede member k's chains in the merged graph: ffmpeg numbers filters across the whole graph in its log
/// prefixes (<c>Parsed_showinfo_N</c>), so member k's filter i logs as <c>FilterOffsets[k] + i</c>.
/// </summary>
public sealed record FusedJob(FfmpegJob Job, IReadOnlyList<int> FilterOffsets)
{
    /// <summary>A lone job run as it is (member 0, offset 0).</summary>
    public static FusedJob Alone(FfmpegJob job) => new(job, [0]);
}
