using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Mediaflow.Storage.Buckets;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>The COS surface: q-sign over virtual-host addressing, the calls of putObject and sliceUploadFile.</summary>
public sealed class CosSurfaceTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task PutObject_QSignVirtualHost_StoredAndReadable()
    {
        var bucket = await NewCosBucketAsync();
        using var cos = new CosTestClient(store.Endpoint, store.Key, bucket, "ap-guangzhou");
        var body = "hello world"u8.ToArray();

        using var put = await cos.SendAsync(HttpMethod.Put, "input/dir a/video(1).mp4", body: body);
        using var get = await cos.SendAsync(HttpMethod.Get, "input/dir a/video(1).mp4");
        var info = await store.Services.GetRequiredService<IObjectStore>().HeadAsync(StoreFixture.AppId, bucket, "input/dir a/video(1).mp4", default);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"", put.Headers.ETag?.Tag);
        Assert.True(put.Headers.Contains("x-cos-request-id"));
        Assert.Equal("hello world", await get.Content.ReadAsStringAsync());
        Assert.Equal("video/mp4", info?.ContentType);
    }

    [Fact]
    public async Task DeleteMultipleObject_CosSdkRequest_DeletesAndReportsEachKey()
    {
        var bucket = await NewCosBucketAsync();
        using var cos = new CosTestClient(store.Endpoint, store.Key, bucket, "ap-guangzhou");
        using (await cos.SendAsync(HttpMethod.Put, "a.txt", body: "a"u8.ToArray()))
        using (await cos.SendAsync(HttpMethod.Put, "b/c.txt", body: "c"u8.ToArray()))
        {
        }

        var xml = Encoding.UTF8.GetBytes("<Delete><Quiet>false</Quiet><Object><Key>a.txt</Key></Object><Object><Key>b/c.txt</Key></Object></Delete>");
        using var delete = await cos.SendAsync(HttpMethod.Post, "", "delete", xml, new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData(xml)) });
        var result = XElement.Parse(await delete.Content.ReadAsStringAsync());
        using var gone = await cos.SendAsync(HttpMethod.Get, "a.txt");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(["a.txt", "b/c.txt"], result.Elements().Where(e => e.Name.LocalName == "Deleted").Select(e => e.Elements().Single(k => k.Name.LocalName == "Key").Value));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task SliceUploadFlow_ListInitUploadComplete_ObjectAssembled()
    {
        var bucket = await NewCosBucketAsync();
        using var cos = new CosTestClient(store.Endpoint, store.Key, bucket, "ap-guangzhou");
        var parts = new[] { RandomNumberGenerator.GetBytes((int)StoreFixture.MinimumPartSize), RandomNumberGenerator.GetBytes(1000) };

        using var listed = await cos.SendAsync(HttpMethod.Get, string.Empty, "uploads=&prefix=input%2Fbig.mp4");
        var listXml = XElement.Parse(await listed.Content.ReadAsStringAsync());
        using var init = await cos.SendAsync(HttpMethod.Post, "input/big.mp4", "uploads=");
        var uploadId = XElement.Parse(await init.Content.ReadAsStringAsync()).Elements().Single(e => e.Name.LocalName == "UploadId").Value;
        var etags = new List<string>();
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var md5 = new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData(parts[i])) };
            using var uploaded = await cos.SendAsync(HttpMethod.Put, "input/big.mp4", $"partNumber={i + 1}&uploadId={uploadId}", parts[i], md5);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
            etags.Insert(0, uploaded.Headers.ETag!.Tag);
        }

        using var partList = await cos.SendAsync(HttpMethod.Get, "input/big.mp4", $"uploadId={uploadId}");
        var completeXml = new XElement("CompleteMultipartUpload", etags.Select((etag, i) => new XElement("Part", new XElement("PartNumber", i + 1), new XElement("ETag", etag))));
        using var complete = await cos.SendAsync(HttpMethod.Post, "input/big.mp4", $"uploadId={uploadId}", Encoding.UTF8.GetBytes(completeXml.ToString()));
        var completeBody = await complete.Content.ReadAsStringAsync();
        using var head = await cos.SendAsync(HttpMethod.Head, "input/big.mp4");

        Assert.Equal("ListMultipartUploadsResult", listXml.Name.LocalName);
        Assert.Equal(2, XElement.Parse(await partList.Content.ReadAsStringAsync()).Elements().Count(e => e.Name.LocalName == "Part"));
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Contains("-2&quot;</ETag>", completeBody.Replace("\"", "&quot;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(parts.Sum(p => p.Length), head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task UploadPart_WrongContentMd5_BadDigest()
    {
        var bucket = await NewCosBucketAsync();
        using var cos = new CosTestClient(store.Endpoint, store.Key, bucket, "ap-guangzhou");
        using var init = await cos.SendAsync(HttpMethod.Post, "x.bin", "uploads=");
        var uploadId = XElement.Parse(await init.Content.ReadAsStringAsync()).Elements().Single(e => e.Name.LocalName == "UploadId").Value;

        var md5 = new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData("other"u8)) };
        using var uploaded = await cos.SendAsync(HttpMethod.Put, "x.bin", $"partNumber=1&uploadId={uploadId}", "data"u8.ToArray(), md5);

        Assert.Equal(HttpStatusCode.BadRequest, uploaded.StatusCode);
        Assert.Contains("<Code>BadDigest</Code>", await uploaded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutBucket_CosHost_RegionFromHost()
    {
        var bucket = $"cos{Guid.NewGuid().ToString("N")[..8]}-{StoreFixture.AppId}";
        using var cos = new CosTestClient(store.Endpoint, store.Key, bucket, "ap-beijing");

        using var created = await cos.SendAsync(HttpMethod.Put, string.Empty);
        using var list = await cos.SendAsync(HttpMethod.Get, string.Empty, "prefix=");
        var info = await store.Services.GetRequiredService<IBucketCatalog>().FindBucketAsync(StoreFixture.AppId, bucket, default);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("ap-beijing", info?.Region);
    }

    [Fact]
    public async Task AnyRequest_WrongSecret_SignatureDoesNotMatch()
    {
        var bucket = await NewCosBucketAsync();
        using var cos = new CosTestClient(store.Endpoint, store.Key with { SecretKey = "wrong" }, bucket, "ap-guangzhou");

        using var put = await cos.SendAsync(HttpMethod.Put, "k.txt", body: "x"u8.ToArray());

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> NewCosBucketAsync()
    {
        var bucket = $"cos{Guid.NewGuid().ToString("N")[..8]}-{StoreFixture.AppId}";
        await store.Services.GetRequiredService<IBucketCatalog>().CreateBucketAsync(StoreFixture.AppId, bucket, "ap-guangzhou", default);
        return bucket;
    }
}
