using System.Text.Json.Nodes;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Nodes;
using Mediaflow.Persistence;
using Mediaflow.Storage;
using Mediaflow.Storage.External;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Engine.Triggers;

/// <summary>
/// The engine's output sink: files of a task whose orchestration writes to AWS-S3 are uploaded to that external bucket
/// (multipart for large files); all other outputs are committed to the embedded store as before.
/// </summary>
public sealed class ExternalOutputSink(IServiceScopeFactory scopes, IObjectStore store, ExternalS3Store external) : IOutputSink
{
    public async Task<OutputPlacement> PutFileAsync(string taskId, PutFileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ExternalBucket? target;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
            var row = await db.ExternalTasks.AsNoTracking().SingleOrDefaultAsync(t => t.TaskId == taskId, cancellationToken);
            target = row is { OutputBucket: { } bucket, OutputRegion: { } region }
                ? new ExternalBucket(region, bucket, row.OutputSecretId ?? "", row.OutputSecretKey ?? "")
                : null;
        }

        if (target is null)
        {
            var stored = await store.PutFileAsync(request, cancellationToken);
            return new OutputPlacement(stored.BlobId, null);
        }

        try
        {
            await external.UploadFileAsync(target, request.Key, request.SourcePath, request.ContentType, cancellationToken);
        }
        catch (ExternalS3Exception exception)
        {
            // Retried by the engine's attempt budget even when the service refused: a key pair or bucket policy can be fixed meanwhile.
            throw new IOException($"uploading to {target} failed: {exception.Message}", exception);
        }

        return new OutputPlacement(null, new JsonObject
        {
            ["Type"] = TaskOutputStorage.AwsS3,
            ["S3OutputStorage"] = new JsonObject { ["S3Bucket"] = target.Bucket, ["S3Region"] = target.Region },
        });
    }
}
