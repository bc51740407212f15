using System.Text;
using Amazon.S3.Model;
using Mediaflow.Storage.Disk;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>What the embedded store keeps of metadata: encoded words decoded, so the 2 KB limit counts UTF-8 bytes.</summary>
public sealed class S3MetadataTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutObject_Rfc2047Metadata_StoredDecoded()
    {
        using var s3 = store.Client();
        var bucket = StoreFixture.NewBucketName();
        await s3.PutBucketAsync(bucket);
        var put = new PutObjectRequest { BucketName = bucket, Key = "u.txt", ContentBody = "x" };
        put.Metadata["title"] = "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("中文 título")) + "?=";
        await s3.PutObjectAsync(put);

        var stored = await store.Services.GetRequiredService<DiskObjectStore>().GetObjectAsync(StoreFixture.AppId, bucket, "u.txt", default);

        Assert.Equal("中文 título", stored.Metadata["title"]);
    }
}
