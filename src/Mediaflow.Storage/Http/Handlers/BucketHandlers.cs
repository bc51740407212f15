using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http.Handlers;

/// <summary>Bucket operations. Each handler: parse → call the store (which authorizes by AppId) → write the result.</summary>
internal static class BucketHandlers
{
    public static async Task ListBuckets(StoreContext context)
    {
        var buckets = await context.Store.ListBucketsAsync(context.AppId, context.Aborted);
        var owner = context.AppId.ToString(CultureInfo.InvariantCulture);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "ListAllMyBucketsResult",
            S3Xml.E("Owner", S3Xml.E("ID", owner), S3Xml.E("DisplayName", owner)),
            S3Xml.E("Buckets", buckets.Select(b => S3Xml.E(
                "Bucket", S3Xml.E("Name", b.Name), S3Xml.E("CreationDate", S3Xml.Timestamp(b.CreatedAt)), S3Xml.E("BucketRegion", b.Region))))));
    }

    public static async Task CreateBucket(StoreContext context)
    {
        var configuration = await S3Xml.ReadAsync(context);
        var location = configuration is null ? null : S3Xml.Child(configuration, "LocationConstraint")?.Value;
        var region = string.IsNullOrEmpty(location) ? context.Request.HostRegion : location;
        await context.Store.CreateBucketAsync(context.AppId, context.Bucket, region, context.Aborted);
        context.Response.Headers.Location = "/" + context.Bucket;
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public static async Task HeadBucket(StoreContext context)
    {
        var bucket = await context.Store.RequireBucketAsync(context.AppId, context.Bucket, context.Aborted);
        context.Response.Headers["x-amz-bucket-region"] = bucket.Region;
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public static async Task GetBucketLocation(StoreContext context)
    {
        var bucket = await context.Store.RequireBucketAsync(context.AppId, context.Bucket, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E("LocationConstraint", bucket.Region));
    }

    public static async Task DeleteBucket(StoreContext context)
    {
        await context.Store.DeleteBucketAsync(context.AppId, context.Bucket, context.Aborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
