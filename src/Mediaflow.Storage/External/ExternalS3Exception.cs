namespace Mediaflow.Storage.External;

/// <summary>
/// A failed call to an external S3 service. Retryable: the service or the network failed (try again later);
/// permanent: the object changed or is gone, or the key pair is refused (trying again changes nothing).
/// </summary>
public sealed class ExternalS3Exception : Exception
{
    public ExternalS3Exception()
    {
    }

    public ExternalS3Exception(string message)
        : base(message)
    {
    }

    public ExternalS3Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExternalS3Exception(string message, bool retryable, Exception? innerException = null)
        : base(message, innerException)
    {
        Retryable = retryable;
    }

    public bool Retryable { get; }
}
