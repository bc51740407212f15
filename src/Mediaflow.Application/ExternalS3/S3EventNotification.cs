using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Mediaflow.Application.ExternalS3;

/// <summary>
/// Parses the S3 event-notification JSON that S3 and S3-compatible services (MinIO, Ceph RGW, …) POST to a webhook:
/// <c>{"Records":[{"eventName":"ObjectCreated:Put","eventTime":…,"s3":{"bucket":{"name":…},"object":{"key":…,"eTag":…,"size":…}}}]}</c>.
/// Keys arrive URL-encoded (a space as '+'). Only object-created records are returned; MinIO and Ceph name them
/// <c>s3:ObjectCreated:*</c>, S3 <c>ObjectCreated:*</c>.
/// </summary>
public static class S3EventNotification
{
    public sealed record Created(string Bucket, string Key, string ETag, long Size, DateTimeOffset EventTime);

    /// <returns>The created records, and how many records were skipped (other event types, or no ETag to pin).</returns>
    /// <exception cref="FormatException">The body is not an S3 event notification.</exception>
    public static (IReadOnlyList<Created> Created, int Skipped) Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException("the body is not JSON", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object && String(document.RootElement, "Event") == "s3:TestEvent")
            {
                return ([], 0); // S3 sends a test event when a notification is configured
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("the body has no Records array");
            }

            var created = new List<Created>();
            var skipped = 0;
            foreach (var record in records.EnumerateArray())
            {
                if (ReadCreated(record) is { } item)
                {
                    created.Add(item);
                }
                else
                {
                    skipped++;
                }
            }

            return (created, skipped);
        }
    }

    private static Created? ReadCreated(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object
            || String(record, "eventName") is not { } name
            || !(name.StartsWith("ObjectCreated:", StringComparison.Ordinal) || name.StartsWith("s3:ObjectCreated:", StringComparison.Ordinal))
            || !record.TryGetProperty("s3", out var s3) || s3.ValueKind != JsonValueKind.Object
            || !s3.TryGetProperty("bucket", out var bucket) || String(bucket, "name") is not { Length: > 0 } bucketName
            || !s3.TryGetProperty("object", out var item) || String(item, "key") is not { Length: > 0 } encodedKey
            || String(item, "eTag") is not { Length: > 0 } etag)
        {
            return null;
        }

        var size = item.TryGetProperty("size", out var sizeElement) && sizeElement.TryGetInt64(out var parsed) ? parsed : 0;
        var time = String(record, "eventTime") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : DateTimeOffset.MinValue; // no time: the trigger's enable-time rule cannot admit it
        return new Created(bucketName, WebUtility.UrlDecode(encodedKey), etag.Trim('"'), size, time.ToUniversalTime());
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
