using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mediaflow.Storage.Tests.Compliance;

public abstract partial class ObjectStoreComplianceTests
{
    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../b.txt")]
    [InlineData("./dot")]
    [InlineData("double//slash")]
    [InlineData("trailing-dot.")]
    [InlineData("spaces and +plus & ?query #hash")]
    [InlineData("中文/名字.mp4")]
    public async Task PutObject_OddKeys_StoredAndListedVerbatim(string key)
    {
        var bucket = await NewBucketAsync();

        await PutTextAsync(bucket, key, key);
        var listed = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal(key, Encoding.UTF8.GetString(await ReadAsync(bucket, key)));
        Assert.Equal(key, Assert.Single(listed.S3Objects ?? []).Key);
    }

    [Fact]
    public async Task PutObject_NfcAndNfdSpellings_TwoDifferentKeys()
    {
        var bucket = await NewBucketAsync();
        var nfc = "caf\u00e9.txt";
        var nfd = "cafe\u0301.txt";

        await PutTextAsync(bucket, nfc, "composed");
        await PutTextAsync(bucket, nfd, "decomposed");
        var listed = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal("composed", Encoding.UTF8.GetString(await ReadAsync(bucket, nfc)));
        Assert.Equal("decomposed", Encoding.UTF8.GetString(await ReadAsync(bucket, nfd)));
        Assert.Equal(2, (listed.S3Objects ?? []).Count);
    }

    [Fact]
    public async Task PutObject_Key1024Bytes_AcceptedAnd1025_KeyTooLongError()
    {
        var bucket = await NewBucketAsync();
        var longest = new string('k', 1022) + "é";
        var tooLong = new string('k', 1023) + "é";

        await PutTextAsync(bucket, longest, "ok");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => PutTextAsync(bucket, tooLong, "no"));

        Assert.Equal(1024, Encoding.UTF8.GetByteCount(longest));
        Assert.Equal("ok", Encoding.UTF8.GetString(await ReadAsync(bucket, longest)));
        Assert.Equal("KeyTooLongError", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task PutObject_VeryLongSingleSegment_Stored()
    {
        var bucket = await NewBucketAsync();
        var key = "seg/" + new string('s', 900);

        await PutTextAsync(bucket, key, "long");

        Assert.Equal("long", Encoding.UTF8.GetString(await ReadAsync(bucket, key)));
    }
}
