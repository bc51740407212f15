using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>The free-disk guard (<c>Storage:MinFreeBytes</c>): HTTP 507 XMediaflowStorageFull and nothing partial left.</summary>
public sealed class StoreGuardTests(FullDiskStoreFixture store) : IClassFixture<FullDiskStoreFixture>
{
    [Fact]
    public async Task PutObject_BelowMinFreeBytes_507StorageFullAndNothingLeft()
    {
        using var s3 = NoRetryClient();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "big.bin", InputStream = new MemoryStream(new byte[100_000]) }));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal("XMediaflowStorageFull", error.ErrorCode);
        Assert.Equal(HttpStatusCode.InsufficientStorage, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Empty(listed.S3Objects ?? []);
        Assert.Empty(FilesUnder("tmp"));
        Assert.Empty(FilesUnder("blobs"));
    }

    [Fact]
    public async Task UploadPart_BelowMinFreeBytes_507AndNoPart()
    {
        using var s3 = NoRetryClient();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var upload = await s3.InitiateMultipartUploadAsync(bucket, "mp.bin");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "mp.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[1000]),
        }));
        var parts = await s3.ListPartsAsync(bucket, "mp.bin", upload.UploadId);

        Assert.Equal(HttpStatusCode.InsufficientStorage, error.StatusCode);
        Assert.Empty(parts.Parts ?? []);
        Assert.Empty(FilesUnder("tmp"));
    }

    private AmazonS3Client NoRetryClient()
    {
        var config = new AmazonS3Config { ServiceURL = store.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "ap-guangzhou", MaxErrorRetry = 0 };
        return new AmazonS3Client(new BasicAWSCredentials(store.Key.SecretId, store.Key.SecretKey), config);
    }

    private string[] FilesUnder(string folder)
    {
        var path = Path.Combine(store.DataDirectory, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories) : [];
    }
}
