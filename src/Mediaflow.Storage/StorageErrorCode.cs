namespace Mediaflow.Storage;

/// <summary>The S3 error codes the store can produce; the HTTP surface maps each to a status and message in one table.</summary>
public enum StorageErrorCode
{
    AccessDenied,
    AuthorizationHeaderMalformed,
    BadDigest,
    BucketAlreadyExists,
    BucketAlreadyOwnedByYou,
    BucketNotEmpty,
    EntityTooSmall,
    IncompleteBody,
    InternalError,
    InvalidAccessKeyId,
    InvalidArgument,
    InvalidBucketName,
    InvalidDigest,
    InvalidPart,
    InvalidPartOrder,
    InvalidRange,
    InvalidRequest,
    InvalidURI,
    KeyTooLongError,
    MalformedXML,
    MetadataTooLarge,
    MethodNotAllowed,
    MissingContentLength,
    NoSuchBucket,
    NoSuchKey,
    NoSuchUpload,
    NotImplemented,
    PreconditionFailed,
    RequestTimeTooSkewed,
    SignatureDoesNotMatch,
    XAmzContentSHA256Mismatch,

    /// <summary>Below <c>StorageOptions.MinFreeBytes</c> of free disk (HTTP 507); vendor-prefixed like MinIO's XMinioStorageFull.</summary>
    XMediaflowStorageFull,
}
