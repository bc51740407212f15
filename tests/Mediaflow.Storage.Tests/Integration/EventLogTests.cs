using Amazon.S3.Model;
using Mediaflow.Storage.Buckets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Storage.Tests.Integration;

public sealed class EventLogTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutObject_OneUpload_ExactlyOneEventRow()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);

        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "in/clip.mp4", ContentBody = "video" });
        await using var db = store.Db();
        var events = await db.ObjectEvents.Where(e => e.Bucket == bucket).ToListAsync();

        var evt = Assert.Single(events);
        Assert.Equal("in/clip.mp4", evt.Key);
        Assert.Equal(StoreFixture.AppId, evt.AppId);
        Assert.Equal("ap-guangzhou", evt.Region);
        Assert.Equal(put.ETag.Trim('"'), evt.ETag);
        Assert.Null(evt.LineageTaskId);
    }

    [Fact]
    public async Task WaitForEventAfterAsync_PutArrives_WakesAndReadsTheEvent()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var log = store.Services.GetRequiredService<IObjectEventLog>();
        await using var db = store.Db();
        var last = await db.ObjectEvents.MaxAsync(e => (long?)e.Sequence) ?? 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var wait = log.WaitForEventAfterAsync(last, timeout.Token);
        var pendingBeforePut = !wait.IsCompleted;
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "wake.mp4", ContentBody = "x" });
        var acknowledged = TimeProvider.System.GetTimestamp();
        await wait;
        var latency = TimeProvider.System.GetElapsedTime(acknowledged);
        var events = await log.ReadAfterAsync(last, 100, default);

        Assert.True(pendingBeforePut);
        Assert.True(latency < TimeSpan.FromSeconds(1), $"woke {latency} after the upload was acknowledged");
        Assert.Contains(events, e => e.Bucket == bucket && e.Key == "wake.mp4");
        Assert.All(events, e => Assert.True(e.Sequence > last));
    }

    [Fact]
    public async Task PutFileAsync_EngineOutput_RecordsLineageOnRowAndEvent()
    {
        var catalog = store.Services.GetRequiredService<IBucketCatalog>();
        var objects = store.Services.GetRequiredService<IObjectStore>();
        var bucket = StoreFixture.NewBucketName();
        await catalog.CreateBucketAsync(StoreFixture.AppId, bucket, "ap-chengdu", default);
        var source = Path.GetTempFileName();
        await File.WriteAllTextAsync(source, "WEBVTT\n");

        var info = await objects.PutFileAsync(
            new PutFileRequest(StoreFixture.AppId, bucket, "out/sub.vtt", source, ContentTypeMap.ForName("sub.vtt"), new ObjectLineage("task-1", 42, 1)), default);
        var path = await objects.GetBlobPathAsync(info.BlobId, default);
        await using var db = store.Db();
        var evt = await db.ObjectEvents.SingleAsync(e => e.Bucket == bucket);
        var row = await db.Objects.SingleAsync(o => o.Bucket == bucket);
        File.Delete(source);

        Assert.Equal("text/vtt", info.ContentType);
        Assert.Equal("ap-chengdu", info.Region);
        Assert.Equal("WEBVTT\n", await File.ReadAllTextAsync(path!));
        Assert.Equal(("task-1", 42L, 1), (evt.LineageTaskId, evt.LineageScheduleId!.Value, evt.LineageDepth));
        Assert.Equal(("task-1", 42L, 1), (row.LineageTaskId, row.LineageScheduleId!.Value, row.LineageDepth));
    }
}
