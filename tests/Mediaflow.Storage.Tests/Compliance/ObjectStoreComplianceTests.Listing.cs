using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Compliance;

public abstract partial class ObjectStoreComplianceTests
{
    private static readonly string[] TreeKeys = ["a.txt", "dir/1.txt", "dir/2.txt", "dir/sub/3.txt", "other/4.txt", "z.txt"];

    [Fact]
    public async Task ListObjectsV2_PrefixAndDelimiter_KeysAndCommonPrefixes()
    {
        var bucket = await BucketWithAsync(TreeKeys);

        var root = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/" });
        var dir = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "dir/", Delimiter = "/" });

        Assert.Equal(["a.txt", "z.txt"], (root.S3Objects ?? []).Select(o => o.Key));
        Assert.Equal(["dir/", "other/"], root.CommonPrefixes ?? []);
        Assert.Equal(["dir/1.txt", "dir/2.txt"], (dir.S3Objects ?? []).Select(o => o.Key));
        Assert.Equal(["dir/sub/"], dir.CommonPrefixes ?? []);
    }

    [Fact]
    public async Task ListObjectsV2_ContinuationTokens_VisitEveryEntryOnceInOrder()
    {
        var bucket = await BucketWithAsync(TreeKeys);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            var page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/", MaxKeys = 1, ContinuationToken = token });
            seen.AddRange((page.S3Objects ?? []).Select(o => o.Key).Concat(page.CommonPrefixes ?? []));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a.txt", "dir/", "other/", "z.txt"], seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task ListObjectsV2_StartAfter_ListsStrictlyAfter()
    {
        var bucket = await BucketWithAsync(TreeKeys);

        var page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, StartAfter = "dir/2.txt" });

        Assert.Equal(["dir/sub/3.txt", "other/4.txt", "z.txt"], (page.S3Objects ?? []).Select(o => o.Key));
    }

    [Fact]
    public async Task ListObjectsV1_Markers_VisitEveryEntryOnce()
    {
        var bucket = await BucketWithAsync(TreeKeys);
        var seen = new List<string>();
        string? marker = null;

        while (true)
        {
            var page = await S3.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket, Delimiter = "/", MaxKeys = 2, Marker = marker });
            seen.AddRange((page.S3Objects ?? []).Select(o => o.Key).Concat(page.CommonPrefixes ?? []));
            if (page.IsTruncated != true)
            {
                break;
            }

            marker = page.NextMarker;
        }

        Assert.Equal(["a.txt", "dir/", "other/", "z.txt"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListObjectsV2_EncodingTypeUrl_OddKeysComeBackExactly()
    {
        string[] keys = ["plus+sign", "space here", "percent%41", "ümlaut/ß", "amp&lt;", "tab\there", "line\nbreak"];
        var bucket = await BucketWithAsync(keys);

        var page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Encoding = EncodingType.Url });
        var encoded = (page.S3Objects ?? []).Select(o => o.Key).ToList();

        // AWSSDK hands the keys back as sent; S3 encodes a space as '+' (and '+' as %2B), so decode the way botocore does.
        Assert.Equal(keys.Order(StringComparer.Ordinal), encoded.Select(k => Uri.UnescapeDataString(k.Replace('+', ' '))));
        Assert.DoesNotContain(encoded, k => k.Any(char.IsControl) || !k.All(char.IsAscii));
    }

    [Fact]
    public async Task ListObjectsV2_FetchOwner_OwnerPresentOnlyWhenAsked()
    {
        var bucket = await BucketWithAsync(["a"]);

        var with = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, FetchOwner = true });
        var without = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.False(string.IsNullOrEmpty(Assert.Single(with.S3Objects ?? []).Owner?.Id));
        Assert.Null(Assert.Single(without.S3Objects ?? []).Owner);
    }

    [Fact]
    public async Task ListObjectsV2_BogusContinuationToken_InvalidArgument()
    {
        var bucket = await BucketWithAsync(["a"]);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = "%%%not-a-token" }));

        Assert.Equal("InvalidArgument", error.ErrorCode);
    }

    [Fact]
    public async Task ListVersions_UnversionedBucket_OneNullVersionPerKey()
    {
        var bucket = await BucketWithAsync(["a", "b/c"]);

        var versions = await S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket });

        Assert.Equal(["a", "b/c"], (versions.Versions ?? []).Select(v => v.Key));
        Assert.All(versions.Versions ?? [], v => Assert.True(v.IsLatest));
        Assert.All(versions.Versions ?? [], v => Assert.Equal("null", v.VersionId));
    }

    [Fact]
    public async Task ListVersions_KeyAndVersionIdMarkers_PagesVisitEveryEntryOnce()
    {
        var bucket = await BucketWithAsync(["a", "photos/1.jpg", "photos/2.jpg", "videos/x.mp4", "z"]);
        var seen = new List<string>();
        string? keyMarker = null;
        string? versionIdMarker = null;
        var pages = 0;
        while (true)
        {
            var page = await S3.ListVersionsAsync(new ListVersionsRequest
            {
                BucketName = bucket, Delimiter = "/", MaxKeys = 1, KeyMarker = keyMarker, VersionIdMarker = versionIdMarker,
            });
            pages++;
            seen.AddRange((page.Versions ?? []).Select(v => $"{v.Key}@{v.VersionId}"));
            seen.AddRange(page.CommonPrefixes ?? []);
            if (page.IsTruncated != true)
            {
                break;
            }

            (keyMarker, versionIdMarker) = (page.NextKeyMarker, page.NextVersionIdMarker);
        }

        Assert.Equal(["a@null", "photos/", "videos/", "z@null"], seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task ListVersions_KeyMarkerWithNullVersionIdMarker_ResumesAfterThatKey()
    {
        var bucket = await BucketWithAsync(["a", "b", "c"]);

        var page = await S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, KeyMarker = "b", VersionIdMarker = "null" });

        Assert.Equal(["c"], (page.Versions ?? []).Select(v => v.Key));
        Assert.Equal("null", page.VersionIdMarker);
    }

    [Fact]
    public async Task ListVersions_VersionIdMarkerWithoutKeyMarker_InvalidArgument()
    {
        var bucket = await BucketWithAsync(["a"]);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, VersionIdMarker = "null" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("InvalidArgument", error.ErrorCode);
    }

    [Fact]
    public async Task ListVersions_VersionIdMarkerNotAVersionOfThisBucket_InvalidArgument()
    {
        var bucket = await BucketWithAsync(["a"]);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, KeyMarker = "a", VersionIdMarker = "3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("InvalidArgument", error.ErrorCode);
    }

    [Fact]
    public async Task ListVersions_EncodingTypeUrl_KeysAndPrefixesComeBackEncoded()
    {
        var bucket = await BucketWithAsync(["space here", "\u00fc/x", "tab\there"]);

        var page = await S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, Delimiter = "/", Encoding = EncodingType.Url });
        var encoded = (page.Versions ?? []).Select(v => v.Key).Concat(page.CommonPrefixes ?? []).ToList();

        Assert.Equal(["space here", "tab\there", "\u00fc/"], encoded.Select(k => Uri.UnescapeDataString(k.Replace('+', ' '))));
        Assert.DoesNotContain(encoded, k => k.Any(char.IsControl) || !k.All(char.IsAscii));
    }

    private async Task<string> BucketWithAsync(IEnumerable<string> keys)
    {
        var bucket = await NewBucketAsync();
        foreach (var key in keys)
        {
            await PutTextAsync(bucket, key, key);
        }

        return bucket;
    }
}
