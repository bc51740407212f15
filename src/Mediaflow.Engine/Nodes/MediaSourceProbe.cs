using Mediaflow.Engine.Tasks;
using Mediaflow.Media;
using Mediaflow.Media.Probing;

namespace Mediaflow.Engine.Nodes;

/// <summary>The task-input probe on the media layer's ffprobe runner.</summary>
public sealed class MediaSourceProbe(MediaProber prober) : ISourceProbe
{
    public async Task<SourceProbeResult> ProbeAsync(string path, long size, CancellationToken cancellationToken)
    {
        try
        {
            var probe = await prober.ProbeAsync(path, cancellationToken);
            return SourceProbeResult.Success(EngineJson.Serialize(probe.ToMetaData() with { Size = size }));
        }
        catch (MediaFailure failure)
        {
            return SourceProbeResult.Failure(failure.ErrCodeExt, failure.Message);
        }
    }
}
