using System.Text.Json.Nodes;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Nodes;
using Mediaflow.Storage;

namespace Mediaflow.Application.Tasks;

/// <summary>DescribeMediaMetaData: probe an object of the caller's bucket.</summary>
public sealed class MediaMetaDataService(IObjectStore store, ISourceProbe probe)
{
    public async Task<JsonNode?> DescribeAsync(long appId, MediaInputInfo? inputInfo, CancellationToken cancellationToken)
    {
        if (inputInfo?.Type != "COS" || inputInfo.CosInputInfo is not { Bucket: { Length: > 0 } bucket } cos || string.IsNullOrEmpty(cos.Object))
        {
            throw new ApiException(inputInfo is null ? ApiErrorCodes.MissingParameter : ApiErrorCodes.UnsupportedOperation,
                "InputInfo must be a COS input with Bucket, Region and Object");
        }

        var stored = await store.HeadAsync(appId, bucket, cos.Key, cancellationToken);
        var path = stored is null ? null : await store.GetBlobPathAsync(stored.BlobId, cancellationToken);
        if (stored is null || path is null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("InputInfo"), $"object {cos.Object} does not exist in bucket {bucket}");
        }

        var result = await probe.ProbeAsync(path, stored.Size, cancellationToken);
        if (!result.Ok)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("SrcFile"), $"the object is not readable media: {result.Message}");
        }

        return JsonNode.Parse(result.MetaDataJson!);
    }
}
