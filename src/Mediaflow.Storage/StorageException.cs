namespace Mediaflow.Storage;

/// <summary>A request the store refuses, with the S3 error code the client sees. Never retryable as-is.</summary>
public sealed class StorageException : Exception
{
    public StorageException(StorageErrorCode code, string? detail = null)
        : base(detail ?? code.ToString())
    {
        Code = code;
        Detail = detail;
    }

    public StorageException()
        : this(StorageErrorCode.InternalError)
    {
    }

    public StorageException(string message)
        : this(StorageErrorCode.InternalError, message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = StorageErrorCode.InternalError;
        Detail = message;
    }

    public StorageErrorCode Code { get; }

    /// <summary>A more specific message than the table's default, or null.</summary>
    public string? Detail { get; }
}
