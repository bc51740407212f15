using System.Collections.Frozen;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Mediaflow.Storage.Http;

/// <summary>The one S3 error table: code → HTTP status → default message, and the one place errors become XML.</summary>
internal static class StoreErrors
{
    private static readonly FrozenDictionary<StorageErrorCode, (int Status, string Message)> Table = new Dictionary<StorageErrorCode, (int, string)>
    {
        [StorageErrorCode.AccessDenied] = (403, "Access Denied"),
        [StorageErrorCode.AuthorizationHeaderMalformed] = (400, "The authorization header is malformed."),
        [StorageErrorCode.BadDigest] = (400, "The Content-MD5 or checksum you specified did not match what we received."),
        [StorageErrorCode.BucketAlreadyExists] = (409, "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again."),
        [StorageErrorCode.BucketAlreadyOwnedByYou] = (409, "Your previous request to create the named bucket succeeded and you already own it."),
        [StorageErrorCode.BucketNotEmpty] = (409, "The bucket you tried to delete is not empty"),
        [StorageErrorCode.EntityTooSmall] = (400, "Your proposed upload is smaller than the minimum allowed object size."),
        [StorageErrorCode.IncompleteBody] = (400, "You did not provide the number of bytes specified by the Content-Length HTTP header."),
        [StorageErrorCode.InternalError] = (500, "We encountered an internal error. Please try again."),
        [StorageErrorCode.InvalidAccessKeyId] = (403, "The AWS Access Key Id you provided does not exist in our records."),
        [StorageErrorCode.InvalidArgument] = (400, "Invalid Argument"),
        [StorageErrorCode.InvalidBucketName] = (400, "The specified bucket is not valid."),
        [StorageErrorCode.InvalidDigest] = (400, "The Content-MD5 you specified is not valid."),
        [StorageErrorCode.InvalidPart] = (400, "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag."),
        [StorageErrorCode.InvalidPartOrder] = (400, "The list of parts was not in ascending order. Parts must be ordered by part number."),
        [StorageErrorCode.InvalidRange] = (416, "The requested range is not satisfiable"),
        [StorageErrorCode.InvalidRequest] = (400, "Invalid Request"),
        [StorageErrorCode.InvalidURI] = (400, "Couldn't parse the specified URI."),
        [StorageErrorCode.KeyTooLongError] = (400, "Your key is too long"),
        [StorageErrorCode.MalformedXML] = (400, "The XML you provided was not well-formed or did not validate against our published schema."),
        [StorageErrorCode.MetadataTooLarge] = (400, "Your metadata headers exceed the maximum allowed metadata size."),
        [StorageErrorCode.MethodNotAllowed] = (405, "The specified method is not allowed against this resource."),
        [StorageErrorCode.MissingContentLength] = (411, "You must provide the Content-Length HTTP header."),
        [StorageErrorCode.NoSuchBucket] = (404, "The specified bucket does not exist"),
        [StorageErrorCode.NoSuchKey] = (404, "The specified key does not exist."),
        [StorageErrorCode.NoSuchUpload] = (404, "The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."),
        [StorageErrorCode.NotImplemented] = (501, "A header or query you provided implies functionality that is not implemented."),
        [StorageErrorCode.PreconditionFailed] = (412, "At least one of the pre-conditions you specified did not hold"),
        [StorageErrorCode.RequestTimeTooSkewed] = (403, "The difference between the request time and the server's time is too large."),
        [StorageErrorCode.SignatureDoesNotMatch] = (403, "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
        [StorageErrorCode.XAmzContentSHA256Mismatch] = (400, "The provided 'x-amz-content-sha256' header does not match what was computed."),
        [StorageErrorCode.XMediaflowStorageFull] = (507, "The store has reached its minimum free disk space. Please delete a few objects to proceed."),
    }.ToFrozenDictionary();

    public static int StatusOf(StorageErrorCode code) => Table[code].Status;

    /// <summary>Writes <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;Resource/&gt;&lt;RequestId/&gt;&lt;/Error&gt;</c> (no body for HEAD).</summary>
    public static async Task WriteAsync(HttpContext context, StorageException error, string resource, string requestId)
    {
        var (status, message) = Table[error.Code];
        var response = context.Response;
        response.StatusCode = status;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        response.ContentType = "application/xml";
        var body = Render(error.Code, error.Detail ?? message, resource, requestId);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    /// <summary>The error document's bytes (UTF-8, no BOM), for the HTTP pipeline and for answers written below it.</summary>
    public static byte[] Render(StorageErrorCode code, string? message, string resource, string requestId)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", code.ToString());
            writer.WriteElementString("Message", message ?? Table[code].Message);
            writer.WriteElementString("Resource", resource);
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
