using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Engine.Nodes;

/// <summary>Everything an executor needs for one attempt of one node.</summary>
public sealed record NodeExecution(
    string TaskId,
    int NodeIndex,
    int Attempt,
    Activity Activity,
    JsonObject TemplateSnapshot,
    string InputPath,
    string InputKey,
    string OutputDirectory,
    string WorkDirectory)
{
    /// <summary>The task source's blob (the reference of the inspection node's SSIM/PSNR); resolve it with <see cref="InputFiles"/>.</summary>
    public string SourceBlobId { get; init; } = "";
    /// <summary>Where the node's input was read from when it is the task source in our store (an HLS playlist's segments are fetched beside it); null otherwise.</summary>
    public SourceObject? Source { get; init; }
    /// <summary>The task's account: account-scoped libraries (person samples) are read for it.</summary>
    public long AppId { get; init; }
}
