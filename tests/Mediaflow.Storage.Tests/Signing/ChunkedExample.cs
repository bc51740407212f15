using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Tests.Signing;

/// <summary>The AWS documentation's chunked PUT example (66560 bytes of 'a' in a 65536 and a 1024 byte chunk).</summary>
internal static class ChunkedExample
{
    public static readonly byte[] SigningKey = SigV4.DeriveSigningKey(SigV4Tests.SecretKey, "20130524", "us-east-1", "s3");

    public static readonly Dictionary<string, string> Headers = new()
    {
        ["content-encoding"] = "aws-chunked",
        ["content-length"] = "66824",
        ["host"] = "s3.amazonaws.com",
        ["x-amz-content-sha256"] = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        ["x-amz-date"] = "20130524T000000Z",
        ["x-amz-decoded-content-length"] = "66560",
        ["x-amz-storage-class"] = "REDUCED_REDUNDANCY",
    };

    public static SignedRequest Request => new("PUT", "/examplebucket/chunkObject.txt", [], name => Headers.GetValueOrDefault(name));

    public static string SeedSignature()
    {
        var canonical = CanonicalRequest.Build(Request, [.. Headers.Keys], "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        return SigV4.Sign(SigningKey, SigV4.StringToSign(SigV4Tests.Timestamp, SigV4Tests.Scope, canonical));
    }
}
