namespace Mediaflow.Engine.Nodes;

/// <summary>Probes a task's input file (ffprobe) into the wire <c>MetaData</c>.</summary>
public interface ISourceProbe
{
    Task<SourceProbeResult> ProbeAsync(string path, long size, CancellationToken cancellationToken);
}

/// <summary>A probe result: the MetaData JSON, or the source error (e.g. <c>SourceFileError.ContentMalformed</c>).</summary>
public sealed record SourceProbeResult(bool Ok, string? MetaDataJson, string ErrCodeExt, string Message)
{
    public static SourceProbeResult Success(string metaDataJson) => new(true, metaDataJson, "", "");

    public static SourceProbeResult Failure(string errCodeExt, string message) => new(false, null, errCodeExt, message);
}
