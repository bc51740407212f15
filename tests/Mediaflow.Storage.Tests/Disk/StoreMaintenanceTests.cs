using System.Text;
using Mediaflow.Domain.Accounts;
using Mediaflow.Persistence;
using Mediaflow.Storage.Disk;
using Mediaflow.Storage.Hosting;
using Mediaflow.Storage.Objects;
using Mediaflow.Storage.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Mediaflow.Storage.Tests.Disk;

/// <summary>
/// Multipart expiry, the blob collector and the recovery scan, driven through the injected <see cref="TimeProvider"/>
/// (a <see cref="FakeTimeProvider"/>): nothing here waits for real time to pass.
/// </summary>
public sealed class StoreMaintenanceTests : IAsyncLifetime
{
    private const long AppId = 1250000001;
    private readonly string root = Path.Combine(Path.GetTempPath(), "mf-maint-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;

    private static StorageOptions Options(string root) => new()
    {
        RootDirectory = Path.Combine(root, "data"),
        MultipartExpiry = TimeSpan.FromDays(7),
        BlobGracePeriod = TimeSpan.FromHours(24),
    };

    private DiskObjectStore Store => services.GetRequiredService<DiskObjectStore>();

    private StoreMaintenance Maintenance => services.GetServices<IHostedService>().OfType<StoreMaintenance>().Single();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        var database = await TestDatabase.CreateAsync(root);
        SchemaMigrator.MigrateUp(database);
        services = Build(database);
        await Store.CreateBucketAsync(AppId, "maint", null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task ExpireUploads_OlderThanExpiry_UploadAndPartFilesGoneNewerKept()
    {
        var old = await Store.CreateMultipartUploadAsync(AppId, "maint", "old.bin", ObjectWrite.Plain(null), CancellationToken.None);
        await Store.UploadPartAsync(AppId, "maint", "old.bin", old.UploadId, 1, Body("part"), ObjectWrite.Plain(null), CancellationToken.None);
        var partFiles = BlobFilesOnDisk();
        time.Advance(TimeSpan.FromDays(6));
        var young = await Store.CreateMultipartUploadAsync(AppId, "maint", "young.bin", ObjectWrite.Plain(null), CancellationToken.None);

        await Maintenance.RunOnceAsync(CancellationToken.None);
        var afterSixDays = await Store.ListMultipartUploadsAsync(AppId, "maint", "", null, null, null, 10, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await Maintenance.RunOnceAsync(CancellationToken.None);
        var afterSevenDays = await Store.ListMultipartUploadsAsync(AppId, "maint", "", null, null, null, 10, CancellationToken.None);
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.ListPartsAsync(AppId, "maint", "old.bin", old.UploadId, 0, 10, CancellationToken.None));

        Assert.Equal(2, afterSixDays.Uploads.Count);
        Assert.Equal(young.UploadId, Assert.Single(afterSevenDays.Uploads).UploadId);
        Assert.Equal(StorageErrorCode.NoSuchUpload, error.Code);
        Assert.Single(partFiles);
        Assert.False(File.Exists(partFiles[0]));
    }

    [Fact]
    public async Task CollectGarbage_OverwrittenBlob_KeptForGracePeriodThenDeleted()
    {
        var first = await Store.PutObjectAsync(AppId, "maint", "k", Body("v1"), ObjectWrite.Plain(null), CancellationToken.None);
        await Store.PutObjectAsync(AppId, "maint", "k", Body("v2"), ObjectWrite.Plain(null), CancellationToken.None);
        var oldPath = await Store.GetBlobPathAsync(first.BlobId, CancellationToken.None);

        time.Advance(TimeSpan.FromHours(23));
        await Maintenance.RunOnceAsync(CancellationToken.None);
        var duringGrace = File.Exists(oldPath);
        time.Advance(TimeSpan.FromHours(2));
        await Maintenance.RunOnceAsync(CancellationToken.None);

        Assert.NotNull(oldPath);
        Assert.True(duringGrace);
        Assert.False(File.Exists(oldPath));
        Assert.Null(await Store.GetBlobPathAsync(first.BlobId, CancellationToken.None));
        Assert.Equal("v2", await ReadAsync("k"));
        await using var db = Db();
        Assert.Empty(await db.BlobGarbage.ToListAsync());
    }

    [Fact]
    public async Task CollectGarbage_BlobSharedByCopy_SurvivesDeletionOfTheOriginal()
    {
        var original = await Store.PutObjectAsync(AppId, "maint", "orig", Body("shared bytes"), ObjectWrite.Plain(null), CancellationToken.None);
        await Store.CopyObjectAsync(AppId, original, "maint", "copy", ObjectWrite.Plain(null), CancellationToken.None);

        await Store.DeleteObjectAsync(AppId, "maint", "orig", CancellationToken.None);
        time.Advance(TimeSpan.FromDays(2));
        await Maintenance.RunOnceAsync(CancellationToken.None);

        Assert.Equal("shared bytes", await ReadAsync("copy"));
        await using var db = Db();
        Assert.Empty(await db.BlobGarbage.ToListAsync());
    }

    [Fact]
    public async Task CollectGarbage_BlobIsInputOfUnfinishedTask_KeptUntilTheTaskFinishes()
    {
        var input = await Store.PutObjectAsync(AppId, "maint", "in.mp4", Body("input"), ObjectWrite.Plain(null), CancellationToken.None);
        await using (var db = Db())
        {
            db.Tasks.Add(new Persistence.Engine.TaskRow { TaskId = "task-1", AppId = AppId, InputBlobId = input.BlobId, CreateTime = time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        await Store.DeleteObjectAsync(AppId, "maint", "in.mp4", CancellationToken.None);
        time.Advance(TimeSpan.FromDays(2));
        await Maintenance.RunOnceAsync(CancellationToken.None);
        var whileRunning = await Store.GetBlobPathAsync(input.BlobId, CancellationToken.None);
        await using (var db = Db())
        {
            var task = await db.Tasks.SingleAsync(t => t.TaskId == "task-1");
            task.FinishTime = time.GetUtcNow();
            await db.SaveChangesAsync();
        }

        await Maintenance.RunOnceAsync(CancellationToken.None);

        Assert.NotNull(whileRunning);
        Assert.Null(await Store.GetBlobPathAsync(input.BlobId, CancellationToken.None));
    }

    [Fact]
    public async Task Restart_OrphanTempAndBlobFiles_TempDeletedAtOnceBlobAfterGrace()
    {
        var kept = await Store.PutObjectAsync(AppId, "maint", "kept", Body("kept"), ObjectWrite.Plain(null), CancellationToken.None);
        var options = services.GetRequiredService<StorageOptions>();
        var database = services.GetRequiredService<DatabaseOptions>();
        await services.DisposeAsync();
        var tempFile = Path.Combine(options.RootDirectory, "tmp", "0123456789abcdef0123456789abcdef");
        File.WriteAllText(tempFile, "half an upload");
        var orphanId = "fedcba9876543210fedcba9876543210";
        var orphan = Path.Combine(options.RootDirectory, "blobs", "fe", "dc", orphanId);
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        File.WriteAllText(orphan, "renamed but never committed");

        services = Build(database);
        var tempBeforeStart = File.Exists(tempFile);
        _ = Store; // the store is built before the endpoint serves anything
        var tempGoneAtStart = !File.Exists(tempFile);
        var queued = await Store.QueueOrphanBlobsAsync(CancellationToken.None);
        await Maintenance.RunOnceAsync(CancellationToken.None);
        var orphanDuringGrace = File.Exists(orphan);
        time.Advance(TimeSpan.FromDays(2));
        await Maintenance.RunOnceAsync(CancellationToken.None);

        Assert.True(tempBeforeStart);
        Assert.True(tempGoneAtStart);
        Assert.Equal(1, queued);
        Assert.True(orphanDuringGrace);
        Assert.False(File.Exists(orphan));
        Assert.NotNull(await Store.GetBlobPathAsync(kept.BlobId, CancellationToken.None));
    }

    private ServiceProvider Build(DatabaseOptions database)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(database);
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton<ICredentialLookup>(new InMemoryCredentials());
        collection.AddDbContextFactory<MediaflowDbContext>(o => o.UseMediaflowDatabase(database));
        collection.AddMediaflowObjectStore(Options(root));
        return collection.BuildServiceProvider();
    }

    private MediaflowDbContext Db() => services.GetRequiredService<IDbContextFactory<MediaflowDbContext>>().CreateDbContext();

    private List<string> BlobFilesOnDisk() =>
        [.. Directory.EnumerateFiles(Path.Combine(root, "data", "blobs"), "*", SearchOption.AllDirectories)];

    private async Task<string> ReadAsync(string key)
    {
        var version = await Store.GetObjectAsync(AppId, "maint", key, CancellationToken.None);
        using var blob = Store.OpenBlob(version);
        await using var stream = new FileStream(blob, FileAccess.Read, 1, isAsync: true);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));
}
