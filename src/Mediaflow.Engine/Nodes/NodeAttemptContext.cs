using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Engine.Nodes;

/// <summary>What the start of an attempt captured from the committed state, for running it outside any transaction.</summary>
internal sealed record NodeAttemptContext(
    long AppId,
    long ScheduleId,
    string ResourceId,
    int Attempt,
    Activity Activity,
    JsonObject Templates,
    string InputBlobId,
    string InputKey,
    int LineageDepth,
    string OutputBucket,
    string OutputRegion,
    string OutputDir,
    string SourceBlobId)
{
    public SourceObject? Source { get; init; }
}
