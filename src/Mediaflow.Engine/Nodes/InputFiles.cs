using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Triggers;
using Mediaflow.Storage;
using Mediaflow.Storage.External;

namespace Mediaflow.Engine.Nodes;

/// <summary>Where a task's input (or a node's input blob) is on local disk: a store blob, or the pinned copy of an external source.</summary>
public sealed class InputFiles(IObjectStore store, ExternalSources external)
{
    public async Task<InputFile> ResolveAsync(string blobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobId);
        if (!ExternalSources.IsExternal(blobId))
        {
            var path = await store.GetBlobPathAsync(blobId, cancellationToken);
            return path is null ? InputFile.Missing("the input object's data is no longer available", retryable: false) : new InputFile(path, "", false);
        }

        try
        {
            return new InputFile(await external.GetPathAsync(blobId, cancellationToken), "", false);
        }
        catch (ExternalS3Exception exception)
        {
            return InputFile.Missing($"the external source cannot be read: {exception.Message}", exception.Retryable);
        }
    }

    /// <summary>An object of the account's store named by a node (a head/tail clip): its blob on local disk.</summary>
    public async Task<InputFile> ResolveObjectAsync(long appId, CosInputInfo cos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cos);
        var info = await store.HeadAsync(appId, cos.Bucket ?? "", cos.Key, cancellationToken);
        if (info is null || (!string.IsNullOrEmpty(cos.Region) && info.Region != cos.Region))
        {
            return InputFile.Missing($"object '{cos.Key}' does not exist in bucket '{cos.Bucket}' ({cos.Region})", retryable: false);
        }

        return await ResolveAsync(info.BlobId, cancellationToken);
    }
}

/// <summary>A local input path, or why there is none (and whether trying later may help).</summary>
public sealed record InputFile(string? Path, string Problem, bool Retryable)
{
    public static InputFile Missing(string problem, bool retryable) => new(null, problem, retryable);
}
