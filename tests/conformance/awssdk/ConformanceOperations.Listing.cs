using Amazon.S3.Model;

namespace Mediaflow.Conformance.AwsSdk;

internal sealed partial class ConformanceOperations
{
    private async Task ListWithDelimiter()
    {
        foreach (var key in ListingKeys)
        {
            await s3.PutObjectAsync(Put(key, small));
        }

        var res = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "list/", Delimiter = "/" });
        Check.Sequence(["list/a.txt", "list/b.txt", "list/c.txt"], (res.S3Objects ?? []).Select(o => o.Key), "keys");
        Check.Sequence(["list/d/", "list/e/"], res.CommonPrefixes ?? [], "common prefixes");
    }

    private async Task ListPages()
    {
        var v2 = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var res = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "list/", MaxKeys = 2, ContinuationToken = token });
            pages++;
            v2.AddRange((res.S3Objects ?? []).Select(o => o.Key));
            token = res.IsTruncated == true ? res.NextContinuationToken : null;
        }
        while (token is not null && pages < 10);
        Check.Sequence(ListingKeys, v2, "v2 keys");
        Check.Equal(3, pages, "v2 pages of 2");

        var v1 = new List<string>();
        string? marker = null;
        for (var page = 0; page < 10; page++)
        {
            var res = await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket, Prefix = "list/", MaxKeys = 4, Marker = marker });
            v1.AddRange((res.S3Objects ?? []).Select(o => o.Key));
            if (res.IsTruncated != true)
            {
                break;
            }

            marker = res.NextMarker ?? v1[^1];
        }

        Check.Sequence(ListingKeys, v1, "v1 keys");
    }
}
