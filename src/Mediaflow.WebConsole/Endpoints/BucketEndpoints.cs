using Mediaflow.Storage;
using Mediaflow.Storage.Browsing;
using Mediaflow.WebConsole.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Mediaflow.WebConsole.Endpoints;

/// <summary>
/// The bucket page's operations under <c>/console/api/buckets</c>, on <see cref="ObjectBrowser"/> (the store methods the
/// S3 surface uses) as the session's account. Objects are named by the <c>key</c> query parameter. Large files go up as
/// multipart uploads (<c>uploads</c>), each part a streamed PUT. Store refusals answer the S3 status with
/// <c>{"Error":{"Code":"NoSuchBucket",…}}</c>.
/// </summary>
public static class BucketEndpoints
{
    public sealed record CreateBucket(string? Name, string? Region);

    public sealed record Complete(IReadOnlyList<Part>? Parts);

    public sealed record Part(int PartNumber, string ETag);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/buckets", context => Run(context, async (session, browser, ct) =>
            new { Buckets = (await browser.ListBucketsAsync(session.AppId, ct)).Select(b => new { b.Name, b.Region, b.CreatedAt }) }));
        api.MapPost("/buckets", context => Run(context, async (session, browser, ct) =>
        {
            var request = await ConsoleResults.ReadAsync<CreateBucket>(context);
            var created = await browser.CreateBucketAsync(session.AppId, request?.Name ?? "", string.IsNullOrEmpty(request?.Region) ? null : request.Region, ct);
            return new { created.Name, created.Region, created.CreatedAt };
        }));
        api.MapGet("/buckets/{bucket}/objects", (HttpContext context, string bucket) => Run(context, async (session, browser, ct) =>
        {
            var query = context.Request.Query;
            var limit = int.TryParse(query["limit"], out var parsed) ? parsed : 200;
            return await browser.ListAsync(session.AppId, bucket, query["prefix"].ToString(), NullIfEmpty(query["marker"]), limit, ct);
        }));
        api.MapGet("/buckets/{bucket}/object", DownloadAsync);
        api.MapPut("/buckets/{bucket}/object", (HttpContext context, string bucket) => Run(context, (session, browser, ct) =>
        {
            Unlimited(context);
            return Boxed(browser.PutAsync(session.AppId, bucket, Key(context), context.Request.Body, NullIfEmpty(context.Request.ContentType), ct));
        }));
        api.MapDelete("/buckets/{bucket}/object", (HttpContext context, string bucket) => Run(context, async (session, browser, ct) =>
        {
            await browser.DeleteAsync(session.AppId, bucket, Key(context), ct);
            return new { Deleted = Key(context) };
        }));
        api.MapPost("/buckets/{bucket}/uploads", (HttpContext context, string bucket) => Run(context, async (session, browser, ct) =>
            new { UploadId = await browser.StartMultipartAsync(session.AppId, bucket, Key(context), NullIfEmpty(context.Request.Query["contentType"]), ct), PartSize = Math.Max(browser.MinimumPartSize, 8L << 20) }));
        api.MapPut("/buckets/{bucket}/uploads/{uploadId}/{partNumber:int}", (HttpContext context, string bucket, string uploadId, int partNumber) => Run(context, async (session, browser, ct) =>
        {
            Unlimited(context);
            return new { PartNumber = partNumber, ETag = await browser.UploadPartAsync(session.AppId, bucket, Key(context), uploadId, partNumber, context.Request.Body, ct) };
        }));
        api.MapPost("/buckets/{bucket}/uploads/{uploadId}/complete", (HttpContext context, string bucket, string uploadId) => Run(context, async (session, browser, ct) =>
        {
            var parts = (await ConsoleResults.ReadAsync<Complete>(context))?.Parts ?? [];
            return await browser.CompleteMultipartAsync(session.AppId, bucket, Key(context), uploadId, parts.Select(p => (p.PartNumber, p.ETag)).ToList(), ct);
        }));
        api.MapDelete("/buckets/{bucket}/uploads/{uploadId}", (HttpContext context, string bucket, string uploadId) => Run(context, async (session, browser, ct) =>
        {
            await browser.AbortMultipartAsync(session.AppId, bucket, Key(context), uploadId, ct);
            return new { Aborted = uploadId };
        }));
    }

    /// <summary>The object's bytes with Range support (the page's players seek); <c>download=1</c> asks the browser to save it.</summary>
    private static async Task DownloadAsync(HttpContext context, string bucket)
    {
        if (await ConsoleAuth.RequireAsync(context) is not { } session)
        {
            return;
        }

        try
        {
            var browser = context.RequestServices.GetRequiredService<ObjectBrowser>();
            var (entry, content) = await browser.OpenAsync(session.AppId, bucket, Key(context), context.RequestAborted);
            var name = context.Request.Query["download"] == "1" ? entry.Key[(entry.Key.LastIndexOf('/') + 1)..] : null;
            await Results.Stream(content, entry.ContentType, name, entry.LastModified, new EntityTagHeaderValue($"\"{entry.ETag}\""), enableRangeProcessing: true)
                .ExecuteAsync(context);
        }
        catch (StorageException refused)
        {
            await Refuse(context, refused);
        }
    }

    private static async Task Run(HttpContext context, Func<ConsoleSession, ObjectBrowser, CancellationToken, Task<object>> action)
    {
        if (await ConsoleAuth.RequireAsync(context) is not { } session)
        {
            return;
        }

        try
        {
            var result = await action(session, context.RequestServices.GetRequiredService<ObjectBrowser>(), context.RequestAborted);
            await ConsoleResults.JsonAsync(context, result);
        }
        catch (StorageException refused)
        {
            await Refuse(context, refused);
        }
        catch (ArgumentException invalid)
        {
            await ConsoleResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", invalid.Message);
        }
    }

    private static Task Run(HttpContext context, Func<ConsoleSession, ObjectBrowser, CancellationToken, Task<BrowsePage>> action) =>
        Run(context, async (session, browser, ct) => (object)await action(session, browser, ct));

    private static Task Run(HttpContext context, Func<ConsoleSession, ObjectBrowser, CancellationToken, Task<BrowseEntry>> action) =>
        Run(context, async (session, browser, ct) => (object)await action(session, browser, ct));

    private static async Task<object> Boxed<T>(Task<T> task)
        where T : notnull => await task;

    private static Task Refuse(HttpContext context, StorageException refused) =>
        ConsoleResults.ErrorAsync(context, ObjectBrowser.HttpStatusOf(refused.Code), refused.Code.ToString(), refused.Detail ?? refused.Code.ToString());

    /// <summary>Uploads stream to disk (parts included): no request-size cap beyond the store's own.</summary>
    private static void Unlimited(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
    }

    private static string Key(HttpContext context) => context.Request.Query["key"].ToString();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
