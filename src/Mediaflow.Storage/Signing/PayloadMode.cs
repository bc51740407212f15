namespace Mediaflow.Storage.Signing;

/// <summary>How the body of a signed request is protected (the value of <c>x-amz-content-sha256</c>).</summary>
public enum PayloadMode
{
    /// <summary>Hex SHA-256 of the whole body, verified while streaming.</summary>
    Sha256,

    /// <summary><c>UNSIGNED-PAYLOAD</c> (also presigned URLs and COS q-sign).</summary>
    UnsignedPayload,

    /// <summary><c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD</c>: aws-chunked with chained chunk signatures.</summary>
    StreamingSigned,

    /// <summary><c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER</c>: signed chunks plus signed trailing checksum headers.</summary>
    StreamingSignedTrailer,

    /// <summary><c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>: aws-chunked without signatures, trailing checksum headers.</summary>
    StreamingUnsignedTrailer,
}
