using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Conformance.AwsSdk;

internal sealed partial class ConformanceOperations
{
    private async Task CreateBucket()
    {
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var buckets = await s3.ListBucketsAsync(new ListBucketsRequest());
        Check.That((buckets.Buckets ?? []).Any(b => b.BucketName == bucket), $"{bucket} not listed");
    }

    private PutObjectRequest Put(string key, byte[] body)
    {
        // Plain mode: no aws-chunked body, a signed hex SHA-256 and Content-Length (stack-notes §4).
        var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(body) };
        if (plain)
        {
            request.UseChunkEncoding = false;
        }

        return request;
    }

    private async Task PutObjectWithMetadata()
    {
        var request = Put("docs/small.txt", small);
        request.ContentType = "text/plain; charset=utf-8";
        request.Metadata.Add("origin", "awssdk");
        var put = await s3.PutObjectAsync(request);
        Check.Equal($"\"{Md5Hex(small)}\"", put.ETag, "ETag");
        var head = await s3.GetObjectMetadataAsync(bucket, "docs/small.txt");
        Check.Equal((long)small.Length, head.ContentLength, "Content-Length");
        Check.Equal("text/plain; charset=utf-8", head.Headers.ContentType, "Content-Type");
        Check.Equal("awssdk", head.Metadata["x-amz-meta-origin"], "x-amz-meta-origin");
    }

    private async Task GetObject()
    {
        using var res = await s3.GetObjectAsync(bucket, "docs/small.txt");
        var body = await ReadAll(res.ResponseStream);
        Check.Equal(Md5Hex(small), Md5Hex(body), "body MD5");
        Check.Equal($"\"{Md5Hex(small)}\"", res.ETag, "ETag");
    }

    private async Task GetRanges()
    {
        using (var mid = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "docs/small.txt", ByteRange = new ByteRange(3, 9) }))
        {
            Check.Equal(HttpStatusCode.PartialContent, mid.HttpStatusCode, "status");
            Check.Equal(Convert.ToHexString(small.AsSpan(3, 7)), Convert.ToHexString(await ReadAll(mid.ResponseStream)), "bytes 3-9");
            Check.Equal($"bytes 3-9/{small.Length}", mid.ContentRange, "Content-Range");
        }

        using (var tail = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "docs/small.txt", ByteRange = new ByteRange("bytes=-5") }))
        {
            Check.Equal(Convert.ToHexString(small.AsSpan(small.Length - 5)), Convert.ToHexString(await ReadAll(tail.ResponseStream)), "bytes=-5");
        }

        var beyond = await Check.Fails(
            () => s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "docs/small.txt", ByteRange = new ByteRange($"bytes={small.Length + 10}-") }),
            "range beyond the end");
        Check.Equal(416, beyond.Status, "status of an unsatisfiable range");
    }

    private async Task CopyObject()
    {
        await s3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "docs/small.txt", DestinationBucket = bucket, DestinationKey = "copies/small.txt",
        });
        using var res = await s3.GetObjectAsync(bucket, "copies/small.txt");
        Check.Equal(Md5Hex(small), Md5Hex(await ReadAll(res.ResponseStream)), "copied body MD5");
        Check.Equal("awssdk", res.Metadata["x-amz-meta-origin"], "copied x-amz-meta-origin");
    }

    private async Task DeleteObjects()
    {
        var res = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket,
            Objects = [new KeyVersion { Key = "list/a.txt" }, new KeyVersion { Key = "list/d/1.txt" }],
        });
        Check.Sequence(["list/a.txt", "list/d/1.txt"], (res.DeletedObjects ?? []).Select(d => d.Key).Order(StringComparer.Ordinal), "deleted");
        var left = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "list/" });
        Check.Sequence(ListingKeys.Where(k => k is not ("list/a.txt" or "list/d/1.txt")), (left.S3Objects ?? []).Select(o => o.Key), "left");
    }

    private async Task PresignedGet()
    {
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket, Key = "docs/small.txt", Verb = HttpVerb.GET, Protocol = Protocol.HTTP,
            Expires = time.GetUtcNow().AddMinutes(10).UtcDateTime,
        });
        using var http = new HttpClient();
        using var res = await http.GetAsync(new Uri(url));
        Check.Equal(HttpStatusCode.OK, res.StatusCode, "presigned GET status");
        Check.Equal(Md5Hex(small), Md5Hex(await res.Content.ReadAsByteArrayAsync()), "presigned body MD5");
        using var tampered = await http.GetAsync(new Uri(url.Replace("docs/small.txt", "big/big.bin", StringComparison.Ordinal)));
        Check.Equal(HttpStatusCode.Forbidden, tampered.StatusCode, "URL signed for another key");
    }

    private async Task DeleteObject()
    {
        await s3.DeleteObjectAsync(bucket, "docs/small.txt");
        var gone = await Check.Fails(() => s3.GetObjectMetadataAsync(bucket, "docs/small.txt"), "HEAD after delete");
        Check.Equal(404, gone.Status, "HEAD status after delete");
    }

    private async Task DeleteBucket()
    {
        var full = await Check.Fails(() => s3.DeleteBucketAsync(bucket), "delete of a non-empty bucket");
        Check.Equal("BucketNotEmpty", full.Code, "error code");
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        foreach (var o in listing.S3Objects ?? [])
        {
            await s3.DeleteObjectAsync(bucket, o.Key);
        }

        await s3.DeleteBucketAsync(bucket);
        var buckets = await s3.ListBucketsAsync(new ListBucketsRequest());
        Check.That(!(buckets.Buckets ?? []).Any(b => b.BucketName == bucket), $"{bucket} still listed");
    }
}
