using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>Every operation is authorized against the bucket's owner: another account gets AccessDenied, never data.</summary>
public sealed class S3AccountTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task OtherAccount_CopyDeleteListUploadsVersionsOrPlant_AccessDeniedAndDataUntouched()
    {
        using var owner = store.Client();
        using var other = store.Client(store.OtherKey);
        var bucket = StoreFixture.NewBucketName();
        var theirs = StoreFixture.NewBucketName();
        await owner.PutBucketAsync(bucket);
        await other.PutBucketAsync(theirs);
        await owner.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "secret.txt", ContentBody = "mine" });
        await owner.InitiateMultipartUploadAsync(bucket, "upload.bin");
        var theirUpload = await other.InitiateMultipartUploadAsync(theirs, "assembled.bin");
        await other.PutObjectAsync(new PutObjectRequest { BucketName = theirs, Key = "x", ContentBody = "planted" });

        var errors = new[]
        {
            await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "secret.txt", DestinationBucket = theirs, DestinationKey = "stolen.txt" })),
            await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.CopyPartAsync(new CopyPartRequest
            {
                SourceBucket = bucket, SourceKey = "secret.txt", DestinationBucket = theirs, DestinationKey = "assembled.bin", UploadId = theirUpload.UploadId, PartNumber = 1,
            })),
            await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = [new KeyVersion { Key = "secret.txt" }] })),
            await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.ListMultipartUploadsAsync(bucket)),
            await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.ListVersionsAsync(bucket)),
            await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.CopyObjectAsync(new CopyObjectRequest { SourceBucket = theirs, SourceKey = "x", DestinationBucket = bucket, DestinationKey = "planted.txt" })),
        };
        using var get = await owner.GetObjectAsync(bucket, "secret.txt");
        using var reader = new StreamReader(get.ResponseStream);
        var stolen = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => other.GetObjectMetadataAsync(theirs, "stolen.txt"));

        Assert.All(errors, e => Assert.Equal("AccessDenied", e.ErrorCode));
        Assert.All(errors, e => Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode));
        Assert.Equal("mine", await reader.ReadToEndAsync());
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
    }
}
