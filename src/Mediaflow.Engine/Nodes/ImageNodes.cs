using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Engine.Tasks;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.Snapshots;

namespace Mediaflow.Engine.Nodes;

/// <summary>What the image-family executors share: the snapshotted template, the probed source, output names (spec §8), failures.</summary>
internal static class ImageNodes
{
    public static T Template<T>(NodeExecution execution, TemplateFamily<T> family, long definition)
        where T : class, IStoredTemplate<T> =>
        execution.TemplateSnapshot[ResolvedTemplates.Key(family.Name, definition)]?.Deserialize<T>(EngineJson.Options)
        ?? throw new InvalidOperationException($"task {execution.TaskId} has no snapshot of {family.Name} template {definition}");

    public static async Task<SnapshotSource> SourceAsync(MediaProber prober, NodeExecution execution, CancellationToken cancellationToken) =>
        SnapshotSource.From(execution.InputPath, await prober.ProbeAsync(execution.InputPath, cancellationToken));

    /// <summary>The object key of the <paramref name="index"/>-th image: OutputObjectPath (or the default pattern) with <c>{number}</c>.</summary>
    public static string Key(NodeExecution execution, INodeTaskInput input, string defaultPattern, string format, NumberFormat? numbers, int index) =>
        OutputPaths.ObjectKey(execution.OutputDirectory, input.OutputObjectPath, defaultPattern,
            OutputPathVariables.ForInput(execution.InputKey, format, input.Definition ?? 0) with { Number = (numbers ?? new NumberFormat()).Render(index) });

    public static ProducedFile File(string localPath, string key, string format) => new(localPath, key, ImageEncoders.ContentType(format));

    public static JsonArray Paths(IEnumerable<string> keys) => [.. keys.Select(k => (JsonNode)OutputPaths.WirePath(k))];

    /// <summary>Images are counted (DESIGN §7.7: usage of image nodes is the image count), banded by the image's short side.</summary>
    public static NodeExecutionResult Success(IReadOnlyList<ProducedFile> files, JsonObject output, SnapshotRun run, double usage) => new()
    {
        Succeeded = true,
        Files = files,
        Output = output,
        StorageMember = "Storage",
        CommandLine = run.CommandLine,
        LogTail = string.Join('\n', run.LogTail),
        OutputSeconds = usage,
        OutputShortSide = (int)Math.Min(run.Width, run.Height),
    };

    public static NodeExecutionResult Failed(MediaFailure failure) =>
        NodeExecutionResult.Failed(failure.ErrCodeExt, failure.Message, failure.Retryable, failure.CommandLine, string.Join('\n', failure.LogTail));

    public static async Task<string> Md5Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken));
    }
}
