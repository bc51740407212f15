using System.Text.Json.Nodes;
using Mediaflow.Storage;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// Where a node's output files are committed: the embedded store, or the task's external S3 bucket. Failures that may
/// pass (I/O, an unreachable service) surface as <see cref="IOException"/>, which the engine retries.
/// </summary>
public interface IOutputSink
{
    Task<OutputPlacement> PutFileAsync(string taskId, PutFileRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Where a file went: the store's blob id (null for an external bucket, whose bytes this server does not keep), and the
/// wire <c>OutputStorage</c> to report when it is not the task's COS output.
/// </summary>
public sealed record OutputPlacement(string? BlobId, JsonObject? WireStorage);
