using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Enhancement;

/// <summary>
/// TEHD-100 ("Top Speed Codec"): a quality-targeted encode, <c>-crf Crf</c>, with <c>-maxrate Cap -bufsize 2×Cap</c> when
/// a cap is set; the template's average-bitrate settings are replaced.
/// </summary>
public sealed record TehdRateControl(int Crf, long CapBps)
{
    public VideoEncoding Apply(VideoEncoding video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return video with
        {
            Crf = Crf,
            Quality = null,
            Bitrate = null,
            MinRate = null,
            MaxRate = CapBps > 0 ? CapBps : null,
            BufferSize = CapBps > 0 ? 2 * CapBps : null,
        };
    }
}
