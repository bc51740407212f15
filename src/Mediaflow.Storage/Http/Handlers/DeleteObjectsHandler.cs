using Mediaflow.Storage.Objects;

namespace Mediaflow.Storage.Http.Handlers;

/// <summary>DeleteObjects (<c>POST /bucket?delete</c>): up to 1000 keys in one transaction, quiet mode reports only errors.</summary>
internal static class DeleteObjectsHandler
{
    private const int MaxKeys = 1000;

    public static async Task DeleteObjects(StoreContext context)
    {
        var xml = await S3Xml.ReadAsync(context) ?? throw new StorageException(StorageErrorCode.MalformedXML);
        var quiet = string.Equals(S3Xml.Child(xml, "Quiet")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var keys = xml.Elements().Where(e => e.Name.LocalName == "Object")
            .Select(o => S3Xml.Child(o, "Key")?.Value ?? throw new StorageException(StorageErrorCode.MalformedXML))
            .ToList();
        if (keys.Count is 0 or > MaxKeys)
        {
            throw new StorageException(StorageErrorCode.MalformedXML, $"A delete request names 1 to {MaxKeys} objects; this one names {keys.Count}.");
        }

        var errors = new List<(string Key, StorageErrorCode Code, string Message)>();
        var valid = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            try
            {
                ObjectKeys.Validate(key);
                valid.Add(key);
            }
            catch (StorageException error)
            {
                errors.Add((key, error.Code, error.Message));
            }
        }

        await context.Store.DeleteObjectsAsync(context.AppId, context.Bucket, valid, context.Aborted);
        await S3Xml.WriteAsync(context.Response, S3Xml.E(
            "DeleteResult",
            quiet ? null : valid.Select(k => S3Xml.E("Deleted", S3Xml.E("Key", k))),
            errors.Select(e => S3Xml.E("Error", S3Xml.E("Key", e.Key), S3Xml.E("Code", e.Code.ToString()), S3Xml.E("Message", e.Message)))));
    }
}
