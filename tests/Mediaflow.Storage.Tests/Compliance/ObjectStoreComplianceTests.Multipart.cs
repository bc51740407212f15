using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Compliance;

public abstract partial class ObjectStoreComplianceTests
{
    private int PartSize => checked((int)Target.MinimumPartSize);

    [Fact]
    public async Task CompleteMultipartUpload_ThreeParts_BytesAndDashNETag()
    {
        var bucket = await NewBucketAsync();
        var body = RandomNumberGenerator.GetBytes((2 * PartSize) + 777);
        var upload = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = "mp.bin", ContentType = "video/mp4" });

        var etags = await UploadPartsAsync(bucket, "mp.bin", upload.UploadId, body);
        var complete = await S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = "mp.bin", UploadId = upload.UploadId, PartETags = etags });
        var head = await S3.GetObjectMetadataAsync(bucket, "mp.bin");

        Assert.Equal(MultipartETag(body, PartSize), complete.ETag);
        Assert.EndsWith("-3\"", complete.ETag, StringComparison.Ordinal);
        Assert.Equal(complete.ETag, head.ETag);
        Assert.Equal("video/mp4", head.Headers.ContentType);
        Assert.Equal(body, await ReadAsync(bucket, "mp.bin"));
    }

    [Fact]
    public async Task CompleteMultipartUpload_SmallNonLastPart_EntityTooSmall()
    {
        var bucket = await NewBucketAsync();
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "small.bin");
        var etags = new List<PartETag>();
        for (var i = 1; i <= 2; i++)
        {
            var part = await S3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "small.bin", UploadId = upload.UploadId, PartNumber = i, InputStream = new MemoryStream(new byte[100]) });
            etags.Add(new PartETag(i, part.ETag));
        }

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = "small.bin", UploadId = upload.UploadId, PartETags = etags }));

        Assert.Equal("EntityTooSmall", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task CompleteMultipartUpload_WrongETagOrMissingPart_InvalidPart()
    {
        var bucket = await NewBucketAsync();
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "p.bin");
        await S3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "p.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[10]) });

        var wrongETag = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "p.bin", UploadId = upload.UploadId, PartETags = [new PartETag(1, "\"0123456789abcdef0123456789abcdef\"")],
        }));
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "p.bin", UploadId = upload.UploadId, PartETags = [new PartETag(2, "\"0123456789abcdef0123456789abcdef\"")],
        }));

        Assert.Equal("InvalidPart", wrongETag.ErrorCode);
        Assert.Equal("InvalidPart", missing.ErrorCode);
    }

    [Fact]
    public async Task CompleteMultipartUpload_PartNumberTwice_InvalidPartOrder()
    {
        var bucket = await NewBucketAsync();
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "o.bin");
        var body = RandomNumberGenerator.GetBytes(PartSize + 10);
        var etags = await UploadPartsAsync(bucket, "o.bin", upload.UploadId, body);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            // AWSSDK sorts the list before sending it, so "not ascending" is reachable through it only as a repeated number.
            BucketName = bucket, Key = "o.bin", UploadId = upload.UploadId, PartETags = [etags[0], etags[0], etags[1]],
        }));

        Assert.Equal("InvalidPartOrder", error.ErrorCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    public async Task UploadPart_NumberOutside1To10000_InvalidArgument(int partNumber)
    {
        var bucket = await NewBucketAsync();
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "n.bin");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "n.bin", UploadId = upload.UploadId, PartNumber = partNumber, InputStream = new MemoryStream(new byte[10]),
        }));

        Assert.Equal("InvalidArgument", error.ErrorCode);
    }

    [Fact]
    public async Task UploadPartCopy_RangesOfAnObject_AssembleTheSameBytes()
    {
        var bucket = await NewBucketAsync();
        var body = RandomNumberGenerator.GetBytes((2 * PartSize) + 99);
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "source.bin", InputStream = new MemoryStream(body) });
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "assembled.bin");

        var etags = new List<PartETag>();
        for (var i = 0; i * PartSize < body.Length; i++)
        {
            var first = (long)i * PartSize;
            var last = Math.Min(first + PartSize, body.Length) - 1;
            var part = await S3.CopyPartAsync(new CopyPartRequest
            {
                SourceBucket = bucket, SourceKey = "source.bin", DestinationBucket = bucket, DestinationKey = "assembled.bin",
                UploadId = upload.UploadId, PartNumber = i + 1, FirstByte = first, LastByte = last,
            });
            etags.Add(new PartETag(i + 1, part.ETag));
        }

        var complete = await S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = "assembled.bin", UploadId = upload.UploadId, PartETags = etags });

        Assert.Equal(MultipartETag(body, PartSize), complete.ETag);
        Assert.Equal(body, await ReadAsync(bucket, "assembled.bin"));
    }

    [Fact]
    public async Task ListParts_MaxParts_PagesWithMarkers()
    {
        var bucket = await NewBucketAsync();
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "lp.bin");
        for (var i = 1; i <= 5; i++)
        {
            await S3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "lp.bin", UploadId = upload.UploadId, PartNumber = i * 2, InputStream = new MemoryStream(new byte[i]) });
        }

        var seen = new List<int>();
        string? marker = null;
        var pages = 0;
        while (true)
        {
            var page = await S3.ListPartsAsync(new ListPartsRequest { BucketName = bucket, Key = "lp.bin", UploadId = upload.UploadId, MaxParts = 2, PartNumberMarker = marker });
            seen.AddRange((page.Parts ?? []).Select(p => p.PartNumber ?? 0));
            pages++;
            if (page.IsTruncated != true)
            {
                break;
            }

            marker = page.NextPartNumberMarker?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal([2, 4, 6, 8, 10], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListMultipartUploads_MaxUploads_PagesWithKeyAndUploadIdMarkers()
    {
        var bucket = await NewBucketAsync();
        var started = new List<string>();
        foreach (var key in new[] { "a", "b", "b", "c", "d" })
        {
            started.Add((await S3.InitiateMultipartUploadAsync(bucket, key)).UploadId);
        }

        var seen = new List<string>();
        string? keyMarker = null;
        string? uploadIdMarker = null;
        while (true)
        {
            var page = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, MaxUploads = 2, KeyMarker = keyMarker, UploadIdMarker = uploadIdMarker });
            seen.AddRange((page.MultipartUploads ?? []).Select(u => u.UploadId));
            if (page.IsTruncated != true)
            {
                break;
            }

            (keyMarker, uploadIdMarker) = (page.NextKeyMarker, page.NextUploadIdMarker);
        }

        Assert.Equal(started.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(5, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task ListMultipartUploads_Delimiter_RollsUpCommonPrefixes()
    {
        var bucket = await NewBucketAsync();
        foreach (var key in new[] { "a.bin", "photos/2024/1.jpg", "photos/top.jpg", "videos/x.mp4", "z.bin" })
        {
            await S3.InitiateMultipartUploadAsync(bucket, key);
        }

        var root = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Delimiter = "/" });
        var photos = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Delimiter = "/", Prefix = "photos/" });

        Assert.Equal(["a.bin", "z.bin"], (root.MultipartUploads ?? []).Select(u => u.Key));
        Assert.Equal(["photos/", "videos/"], root.CommonPrefixes);
        Assert.Equal("/", root.Delimiter);
        Assert.Equal(["photos/top.jpg"], (photos.MultipartUploads ?? []).Select(u => u.Key));
        Assert.Equal(["photos/2024/"], photos.CommonPrefixes);
    }

    [Fact]
    public async Task ListMultipartUploads_DelimiterAndMaxUploads_PagesVisitEveryEntryOnce()
    {
        var bucket = await NewBucketAsync();
        foreach (var key in new[] { "a.bin", "a.bin", "photos/1.jpg", "photos/2.jpg", "videos/x.mp4", "z.bin" })
        {
            await S3.InitiateMultipartUploadAsync(bucket, key);
        }

        var seen = new List<string>();
        string? keyMarker = null;
        string? uploadIdMarker = null;
        var pages = 0;
        while (true)
        {
            var page = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
            {
                BucketName = bucket, Delimiter = "/", MaxUploads = 1, KeyMarker = keyMarker, UploadIdMarker = uploadIdMarker,
            });
            pages++;
            seen.AddRange((page.MultipartUploads ?? []).Select(u => u.Key));
            seen.AddRange(page.CommonPrefixes ?? []);
            if (page.IsTruncated != true)
            {
                break;
            }

            (keyMarker, uploadIdMarker) = (page.NextKeyMarker, page.NextUploadIdMarker);
        }

        Assert.Equal(["a.bin", "a.bin", "photos/", "videos/", "z.bin"], seen);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task ListMultipartUploads_EncodingTypeUrl_OddKeysComeBackEncoded()
    {
        var bucket = await NewBucketAsync();
        string[] keys = ["space here", "\u00fcmlaut/\u00df", "tab\there"];
        foreach (var key in keys)
        {
            await S3.InitiateMultipartUploadAsync(bucket, key);
        }

        var page = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Encoding = EncodingType.Url });
        var encoded = (page.MultipartUploads ?? []).Select(u => u.Key).ToList();

        Assert.Equal(keys.Order(StringComparer.Ordinal), encoded.Select(k => Uri.UnescapeDataString(k.Replace('+', ' '))));
        Assert.DoesNotContain(encoded, k => k.Any(char.IsControl) || !k.All(char.IsAscii));
    }

    [Fact]
    public async Task AbortMultipartUpload_ThenListPartsAndComplete_NoSuchUpload()
    {
        var bucket = await NewBucketAsync();
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "ab.bin");
        var part = await S3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "ab.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[10]) });

        await S3.AbortMultipartUploadAsync(bucket, "ab.bin", upload.UploadId);
        var list = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.ListPartsAsync(bucket, "ab.bin", upload.UploadId));
        var complete = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "ab.bin", UploadId = upload.UploadId, PartETags = [new PartETag(1, part.ETag)],
        }));

        Assert.Equal("NoSuchUpload", list.ErrorCode);
        Assert.Equal("NoSuchUpload", complete.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
    }

    private async Task<List<PartETag>> UploadPartsAsync(string bucket, string key, string uploadId, byte[] body)
    {
        var etags = new List<PartETag>();
        for (var i = 0; i * PartSize < body.Length; i++)
        {
            var part = body.AsMemory(i * PartSize, Math.Min(PartSize, body.Length - (i * PartSize))).ToArray();
            var response = await S3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = i + 1, InputStream = new MemoryStream(part) });
            etags.Add(new PartETag(i + 1, response.ETag));
        }

        return etags;
    }

    private static string MultipartETag(byte[] body, int partSize)
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
