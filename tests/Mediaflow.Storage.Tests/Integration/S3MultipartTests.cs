using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>Multipart uploads with the fixture's 64 KiB minimum part size.</summary>
public sealed class S3MultipartTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private const int PartSize = 1024 * 1024;

    [Fact]
    public async Task CompleteMultipartUpload_ThreeParts_ConcatenatesWithMultipartETag()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var body = RandomNumberGenerator.GetBytes((2 * PartSize) + 12345);
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = "big/movie.mp4" });
        var listedUploads = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Prefix = "big/" });

        var etags = new List<PartETag>();
        for (var i = 0; i * PartSize < body.Length; i++)
        {
            var part = body.AsMemory(i * PartSize, Math.Min(PartSize, body.Length - (i * PartSize))).ToArray();
            var response = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket, Key = "big/movie.mp4", UploadId = upload.UploadId, PartNumber = i + 1, InputStream = new MemoryStream(part),
            });
            etags.Add(new PartETag(i + 1, response.ETag));
        }

        var parts = await s3.ListPartsAsync(new ListPartsRequest { BucketName = bucket, Key = "big/movie.mp4", UploadId = upload.UploadId });
        var complete = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "big/movie.mp4", UploadId = upload.UploadId, PartETags = etags,
        });
        using var get = await s3.GetObjectAsync(bucket, "big/movie.mp4");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);

        Assert.Equal(upload.UploadId, Assert.Single(listedUploads.MultipartUploads ?? []).UploadId);
        Assert.Equal(3, (parts.Parts ?? []).Count);
        Assert.Equal(ExpectedETag(body, PartSize), complete.ETag);
        Assert.Equal(body, copy.ToArray());
        Assert.Equal("video/mp4", get.Headers.ContentType);
    }

    [Fact]
    public async Task CompleteMultipartUpload_SmallFirstPart_EntityTooSmall()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var upload = await s3.InitiateMultipartUploadAsync(bucket, "small.bin");
        var first = await s3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "small.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[100]) });
        var second = await s3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "small.bin", UploadId = upload.UploadId, PartNumber = 2, InputStream = new MemoryStream(new byte[100]) });

        var tooSmall = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "small.bin", UploadId = upload.UploadId, PartETags = [new(1, first.ETag), new(2, second.ETag)],
        }));
        var wrongETag = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "small.bin", UploadId = upload.UploadId, PartETags = [new(1, "\"00000000000000000000000000000000\"")],
        }));

        Assert.Equal("EntityTooSmall", tooSmall.ErrorCode);
        Assert.Equal("InvalidPart", wrongETag.ErrorCode);
    }

    [Fact]
    public async Task AbortMultipartUpload_ThenUploadPart_NoSuchUpload()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var upload = await s3.InitiateMultipartUploadAsync(bucket, "aborted.bin");
        await s3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "aborted.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[10]) });

        await s3.AbortMultipartUploadAsync(bucket, "aborted.bin", upload.UploadId);
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "aborted.bin", UploadId = upload.UploadId, PartNumber = 2, InputStream = new MemoryStream(new byte[10]),
        }));
        var uploads = await s3.ListMultipartUploadsAsync(bucket);

        Assert.Equal("NoSuchUpload", error.ErrorCode);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    private static string ExpectedETag(byte[] body, int partSize)
    {
        var digests = new List<byte>();
        var count = 0;
        for (var offset = 0; offset < body.Length; offset += partSize, count++)
        {
            digests.AddRange(MD5.HashData(body.AsSpan(offset, Math.Min(partSize, body.Length - offset))));
        }

        return $"\"{Convert.ToHexStringLower(MD5.HashData(digests.ToArray()))}-{count}\"";
    }
}
