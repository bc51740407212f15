using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace Mediaflow.Storage.External;

/// <summary>
/// The external S3 services, reached only through AWSSDK.S3 on the endpoint configured for the bucket's region: list a
/// prefix, download one pinned version (If-Match on the ETag seen), upload a finished file (multipart above
/// <see cref="MultipartThreshold"/>). Failures come out as <see cref="ExternalS3Exception"/>, retryable or not.
/// </summary>
public sealed class ExternalS3Store(ExternalS3Options options)
{
    /// <summary>Files at least this large are uploaded in parts (TransferUtility), smaller ones with one PUT.</summary>
    public const long MultipartThreshold = 16L * 1024 * 1024;

    public bool HasEndpoint(string region) => options.EndpointOf(region) is not null;

    public async IAsyncEnumerable<ExternalObject> ListAsync(ExternalBucket bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        using var client = ClientFor(bucket);
        string? token = null;
        do
        {
            var page = await CallAsync(bucket, () => client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = bucket.Bucket, Prefix = prefix, ContinuationToken = token }, cancellationToken));
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new ExternalObject(item.Key, Unquote(item.ETag), item.Size ?? 0, Utc(item.LastModified));
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    /// <summary>The object's current version, or null when the key does not exist.</summary>
    public async Task<ExternalObject?> HeadAsync(ExternalBucket bucket, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        using var client = ClientFor(bucket);
        try
        {
            var head = await CallAsync(bucket, () => client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket.Bucket, Key = key }, cancellationToken), key);
            return new ExternalObject(key, Unquote(head.ETag), head.ContentLength, Utc(head.LastModified));
        }
        catch (ExternalS3Exception exception) when (exception.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    /// <summary>Downloads exactly the version with <paramref name="etag"/> to <paramref name="destination"/> (temp file, then rename).</summary>
    public async Task DownloadAsync(ExternalBucket bucket, string key, string etag, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        using var client = ClientFor(bucket);
        var temp = destination + ".part-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var response = await CallAsync(bucket, () => client.GetObjectAsync(
                new GetObjectRequest { BucketName = bucket.Bucket, Key = key, EtagToMatch = $"\"{Unquote(etag)}\"" }, cancellationToken), key))
            {
                // Services that ignore If-Match still name the version they send.
                if (Unquote(response.ETag) is { Length: > 0 } sent && sent != Unquote(etag))
                {
                    throw new ExternalS3Exception($"{key} in {bucket} changed since it was seen (ETag {sent}, expected {Unquote(etag)})", retryable: false);
                }

                await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await response.ResponseStream.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temp, destination, overwrite: true);
        }
        catch (IOException exception)
        {
            throw new ExternalS3Exception($"reading {key} from {bucket} failed: {exception.Message}", retryable: true, exception);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task UploadFileAsync(ExternalBucket bucket, string key, string path, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        using var client = ClientFor(bucket);
        if (new FileInfo(path).Length < MultipartThreshold)
        {
            await CallAsync(bucket, () => client.PutObjectAsync(
                new PutObjectRequest { BucketName = bucket.Bucket, Key = key, FilePath = path, ContentType = contentType }, cancellationToken), key);
            return;
        }

        using var transfer = new TransferUtility(client, new TransferUtilityConfig());
        await CallAsync(bucket, async () =>
        {
            await transfer.UploadAsync(new TransferUtilityUploadRequest
            {
                BucketName = bucket.Bucket,
                Key = key,
                FilePath = path,
                ContentType = contentType,
                PartSize = MultipartThreshold / 2,
            }, cancellationToken);
            return true;
        }, key);
    }

    private AmazonS3Client ClientFor(ExternalBucket bucket)
    {
        var endpoint = options.EndpointOf(bucket.Region)
            ?? throw new ExternalS3Exception($"no external S3 endpoint is configured for region '{bucket.Region}' (ExternalS3:Endpoints:{bucket.Region})", retryable: false);
        return CreateClient(endpoint, bucket.Region, bucket.SecretId, bucket.SecretKey);
    }

    /// <summary>The client every external call uses; the storage compliance suite runs through this same configuration.</summary>
    internal static AmazonS3Client CreateClient(Uri endpoint, string region, string secretId, string secretKey)
    {
        return new AmazonS3Client(new BasicAWSCredentials(secretId, secretKey), new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = region,
            // Checksums only where S3 requires them: the most compatible setting for S3-compatible services (stack-notes §4).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    private static async Task<T> CallAsync<T>(ExternalBucket bucket, Func<Task<T>> call, string? key = null)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new ExternalS3Exception($"{key} in {bucket} changed since it was seen (ETag no longer matches)", retryable: false, exception);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            throw new ExternalS3Exception($"{bucket}{(key is null ? "" : " " + key)}: {exception.ErrorCode} ({exception.Message})", retryable: false, exception);
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            throw new ExternalS3Exception($"{bucket}{(key is null ? "" : " " + key)}: {exception.Message}", retryable: true, exception);
        }
    }

    private static string Unquote(string? etag) => (etag ?? "").Trim('"');

    /// <summary>The SDK may hand times over as local DateTimes; the engine compares UTC instants.</summary>
    private static DateTimeOffset Utc(DateTime? time) => time is { } value ? new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;
}
