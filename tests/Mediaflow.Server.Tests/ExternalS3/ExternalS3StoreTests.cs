using System.Security.Cryptography;
using Mediaflow.Server.Tests.Support;
using Mediaflow.Storage.External;

namespace Mediaflow.Server.Tests.ExternalS3;

/// <summary>The AWSSDK.S3 adapter the engine uses for external buckets, against a real store standing in for the service.</summary>
public sealed class ExternalS3StoreTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    private const string Region = "us-east-1";

    private ExternalS3Store Store() => new(new ExternalS3Options { Endpoints = new() { [Region] = server.Store.ToString() } });

    private ExternalBucket Bucket(string name) => new(Region, name, server.Account.SecretId, server.Account.SecretKey);

    [Fact]
    public async Task UploadFileAsync_LargeFile_InPartsThenListedAndDownloadedByItsETag()
    {
        var bucket = Bucket(await Buckets.CreateAsync(server, "xbig"));
        var local = await WriteRandomAsync(17 * 1024 * 1024);

        await Store().UploadFileAsync(bucket, "dir/big.bin", local, "application/octet-stream", CancellationToken.None);

        var listed = new List<ExternalObject>();
        await foreach (var item in Store().ListAsync(bucket, "dir/", CancellationToken.None))
        {
            listed.Add(item);
        }

        var only = Assert.Single(listed);
        Assert.Equal(("dir/big.bin", 17L * 1024 * 1024), (only.Key, only.Size));
        Assert.EndsWith("-3", only.ETag, StringComparison.Ordinal); // 8 + 8 + 1 MiB parts, no quotes
        var back = local + ".back";
        await Store().DownloadAsync(bucket, only.Key, only.ETag, back, CancellationToken.None);
        var (sent, got) = (await File.ReadAllBytesAsync(local), await File.ReadAllBytesAsync(back));
        Assert.True(sent.AsSpan().SequenceEqual(got), "downloaded bytes differ");
    }

    [Fact]
    public async Task DownloadAsync_ObjectOverwritten_PermanentFailureAndNoFileLeft()
    {
        var name = await Buckets.CreateAsync(server, "xchg");
        var first = await WriteRandomAsync(1000);
        await Store().UploadFileAsync(Bucket(name), "v.bin", first, "application/octet-stream", CancellationToken.None);
        var seen = await SingleAsync(Bucket(name));
        await Store().UploadFileAsync(Bucket(name), "v.bin", await WriteRandomAsync(1000), "application/octet-stream", CancellationToken.None);

        var target = first + ".back";
        var failure = await Assert.ThrowsAsync<ExternalS3Exception>(() => Store().DownloadAsync(Bucket(name), "v.bin", seen.ETag, target, CancellationToken.None));

        Assert.False(failure.Retryable);
        Assert.Contains("changed", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.part-*"));
    }

    [Fact]
    public async Task DownloadAsync_MissingKey_PermanentFailure()
    {
        var name = await Buckets.CreateAsync(server, "xmiss");
        var failure = await Assert.ThrowsAsync<ExternalS3Exception>(
            () => Store().DownloadAsync(Bucket(name), "nothing.bin", "0123", Path.Combine(server.WorkDirectory, "never"), CancellationToken.None));
        Assert.False(failure.Retryable);
    }

    [Fact]
    public async Task ListAsync_WrongSecretKey_PermanentFailure()
    {
        var name = await Buckets.CreateAsync(server, "xkey");
        var failure = await Assert.ThrowsAsync<ExternalS3Exception>(() => DrainAsync(Store(), Bucket(name) with { SecretKey = "wrong" }));
        Assert.False(failure.Retryable);
        Assert.DoesNotContain("wrong", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ServiceUnreachable_RetryableFailure()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more
        var store = new ExternalS3Store(new ExternalS3Options { Endpoints = new() { [Region] = $"http://127.0.0.1:{port}/" } });

        var failure = await Assert.ThrowsAsync<ExternalS3Exception>(() => DrainAsync(store, Bucket("any-bucket")));

        Assert.True(failure.Retryable);
    }

    [Fact]
    public async Task ListAsync_RegionWithoutEndpoint_PermanentFailureNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<ExternalS3Exception>(() => DrainAsync(Store(), Bucket("any-bucket") with { Region = "eu-west-3" }));
        Assert.False(failure.Retryable);
        Assert.Contains("ExternalS3:Endpoints:eu-west-3", failure.Message, StringComparison.Ordinal);
    }

    private static async Task DrainAsync(ExternalS3Store store, ExternalBucket bucket)
    {
        await foreach (var _ in store.ListAsync(bucket, "", CancellationToken.None))
        {
        }
    }

    private async Task<ExternalObject> SingleAsync(ExternalBucket bucket)
    {
        ExternalObject? found = null;
        await foreach (var item in Store().ListAsync(bucket, "", CancellationToken.None))
        {
            Assert.Null(found);
            found = item;
        }

        return found!;
    }

    private async Task<string> WriteRandomAsync(int length)
    {
        var directory = Path.Combine(server.WorkDirectory, RandomNumberGenerator.GetHexString(8));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "data.bin");
        await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(length));
        return path;
    }
}
