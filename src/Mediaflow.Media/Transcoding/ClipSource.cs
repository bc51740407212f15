using Mediaflow.Media.Probing;

namespace Mediaflow.Media.Transcoding;

/// <summary>A head or tail clip (HeadTailParameter): the local path of its media and its probe.</summary>
public sealed record ClipSource(string Path, ProbeResult Probe);
