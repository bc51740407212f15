using Mediaflow.Persistence;
using Mediaflow.Storage.External;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Engine.Triggers;

/// <summary>
/// The input of a task started by an external trigger. Its blob id is <c>ext:&lt;task id&gt;</c>; the first reader
/// downloads exactly the version the trigger saw (If-Match on the pinned ETag) into the work directory, so every node
/// of the task reads the same bytes, as with a local blob. A changed or deleted source fails clearly instead of
/// processing other bytes.
/// </summary>
public sealed class ExternalSources(IServiceScopeFactory scopes, ExternalS3Store external, EngineOptions options)
{
    private const string Prefix = "ext:";

    public static string BlobIdOf(string taskId) => Prefix + taskId;

    public static bool IsExternal(string blobId) => blobId?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The local copy of the pinned source version, downloaded on first use.</summary>
    /// <exception cref="ExternalS3Exception">The source changed, is gone, or the service failed.</exception>
    public async Task<string> GetPathAsync(string blobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobId);
        var taskId = blobId[Prefix.Length..];
        var directory = Path.Combine(options.WorkDirectory, "external-sources");
        var path = Path.Combine(directory, taskId);
        if (File.Exists(path))
        {
            return path;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaflowDbContext>();
        var row = await db.ExternalTasks.AsNoTracking().SingleOrDefaultAsync(t => t.TaskId == taskId, cancellationToken)
            ?? throw new ExternalS3Exception($"task {taskId} has no external source", retryable: false);
        Directory.CreateDirectory(directory);
        var bucket = new ExternalBucket(row.SourceRegion, row.SourceBucket, row.SourceSecretId, row.SourceSecretKey);
        await external.DownloadAsync(bucket, row.SourceKey, row.SourceETag, path, cancellationToken);
        return path;
    }
}
