using Mediaflow.Storage.Disk;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Storage.Hosting;

/// <summary>
/// Runs the store's housekeeping: once at start the recovery scan (orphan blobs), then every
/// <see cref="StorageOptions.MaintenanceInterval"/> (on the injected <see cref="TimeProvider"/>) multipart expiry and
/// the blob collector. A failed pass is logged and retried on the next tick.
/// </summary>
internal sealed partial class StoreMaintenance(DiskObjectStore store, StorageOptions options, TimeProvider time, ILogger<StoreMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var orphans = await store.QueueOrphanBlobsAsync(stoppingToken);
            if (orphans > 0)
            {
                LogOrphans(orphans);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(options.MaintenanceInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    /// <summary>One pass: expire abandoned uploads, then collect blobs past their grace period.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var expired = await store.ExpireUploadsAsync(cancellationToken);
            var collected = await store.CollectGarbageAsync(cancellationToken);
            if (expired + collected > 0)
            {
                LogPass(expired, collected);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(error);
        }
    }

    [LoggerMessage(LogLevel.Information, "store recovery: {Count} unreferenced blob files queued for collection")]
    private partial void LogOrphans(int count);

    [LoggerMessage(LogLevel.Information, "store maintenance: {Expired} multipart uploads expired, {Collected} blobs collected")]
    private partial void LogPass(int expired, int collected);

    [LoggerMessage(LogLevel.Warning, "store maintenance pass failed; retrying on the next tick")]
    private partial void LogFailed(Exception error);
}
