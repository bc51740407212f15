using System.Text.Json.Nodes;

namespace Mediaflow.Engine.Nodes;

/// <summary>What an attempt produced: files to commit (main file first) and the wire <c>Output</c> object, or a failure.</summary>
public sealed record NodeExecutionResult
{
    public bool Succeeded { get; init; }

    /// <summary>Files to commit to the output bucket, the main output first. Keys are object keys (no leading '/').</summary>
    public IReadOnlyList<ProducedFile> Files { get; init; } = [];

    /// <summary>The result's <c>Output</c> object; the engine adds the storage under <see cref="StorageMember"/>.</summary>
    public JsonObject? Output { get; init; }

    /// <summary>The Output member the storage goes in: <c>OutputStorage</c> (transcode), <c>Storage</c> (the image families, spec §12); "" for none (QC).</summary>
    public string StorageMember { get; init; } = "OutputStorage";

    /// <summary>
    /// The result's <c>Output</c> when the spec makes it an array (the AI nodes' per-feature results, §12
    /// <c>AiRecognitionResult[]</c>, <c>AiAnalysisResult[]</c>): stored as-is instead of <see cref="Output"/>; the
    /// storage goes into <see cref="StorageHolders"/>.
    /// </summary>
    public JsonArray? OutputSet { get; init; }

    /// <summary>Objects inside <see cref="OutputSet"/> that get the output storage under <see cref="StorageMember"/>.</summary>
    public IReadOnlyList<JsonObject> StorageHolders { get; init; } = [];

    /// <summary>DESIGN §7.4: the node produces no media (QC and AI nodes): a successor consumes this node's input, not its files.</summary>
    public bool PassesInputThrough { get; init; }

    public string ErrCodeExt { get; init; } = "";
    public string Message { get; init; } = "";

    /// <summary>Retryable failures (infrastructure, watchdog) are retried up to the attempt budget; permanent ones FAIL at once.</summary>
    public bool Retryable { get; init; }

    public string CommandLine { get; init; } = "";
    public string LogTail { get; init; } = "";

    /// <summary>Seconds of media produced and the output's short side, for usage records.</summary>
    public double OutputSeconds { get; init; }

    public int OutputShortSide { get; init; }

    /// <summary>The output's video codec (ffprobe name, e.g. <c>h264</c>) for the usage specification; "" when none.</summary>
    public string OutputCodec { get; init; } = "";

    public static NodeExecutionResult Failed(string errCodeExt, string message, bool retryable, string commandLine = "", string logTail = "") =>
        new() { Succeeded = false, ErrCodeExt = errCodeExt, Message = message, Retryable = retryable, CommandLine = commandLine, LogTail = logTail };
}

/// <summary>A finished local file and the object key it is committed under.</summary>
public sealed record ProducedFile(string LocalPath, string Key, string ContentType);
