using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mediaflow.Domain.Accounts;

namespace Mediaflow.Storage.Signing;

/// <summary>Verifies SigV4 header and presigned-query signatures (any region; service as signed).</summary>
public sealed class SigV4Verifier(ICredentialLookup credentials, TimeProvider time, TimeSpan allowedSkew)
{
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private const int MaxPresignedExpirySeconds = 7 * 24 * 3600;

    public SigV4Result VerifyHeader(SignedRequest request, string authorization)
    {
        ArgumentNullException.ThrowIfNull(request);
        var auth = SigV4Authorization.Parse(authorization)
            ?? throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "The authorization header is malformed");
        var key = FindKey(auth.Credential.AccessKeyId);
        var timestamp = RequestTime(request);
        CheckSkew(timestamp);
        CheckScopeDate(auth.Credential, timestamp);

        var payloadHash = request.Header("x-amz-content-sha256")
            ?? throw new StorageException(StorageErrorCode.InvalidRequest, "Missing required header for this request: x-amz-content-sha256");
        var mode = ModeOf(payloadHash);
        if (!auth.SignedHeaders.Contains("host"))
        {
            throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "the host header must be signed");
        }

        var signingKey = SigV4.DeriveSigningKey(key.SecretKey, auth.Credential.Date, auth.Credential.Region, auth.Credential.Service);
        var canonical = CanonicalRequest.Build(request, auth.SignedHeaders, payloadHash);
        var expected = SigV4.Sign(signingKey, SigV4.StringToSign(timestamp, auth.Credential.Scope, canonical));
        RequireEqual(expected, auth.Signature);

        var chain = mode is PayloadMode.StreamingSigned or PayloadMode.StreamingSignedTrailer
            ? new ChunkSignatureChain(signingKey, timestamp, auth.Credential.Scope, expected)
            : null;
        return new SigV4Result(key, mode, mode == PayloadMode.Sha256 ? payloadHash.ToLowerInvariant() : null, chain);
    }

    public static bool IsPresigned(SignedRequest request) =>
        request?.Query.Any(p => p.Key == "X-Amz-Algorithm") == true;

    public SigV4Result VerifyPresigned(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? Param(string name) => request.Query.FirstOrDefault(p => p.Key == name).Value;
        if (Param("X-Amz-Algorithm") != SigV4.Algorithm)
        {
            throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "X-Amz-Algorithm must be AWS4-HMAC-SHA256");
        }

        var credential = SigV4Credential.Parse(Param("X-Amz-Credential") ?? string.Empty)
            ?? throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "X-Amz-Credential is malformed");
        var key = FindKey(credential.AccessKeyId);
        if (!SigV4.TryParseTimestamp(Param("X-Amz-Date"), out var timestamp))
        {
            throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "X-Amz-Date is malformed");
        }

        if (!int.TryParse(Param("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || expires > MaxPresignedExpirySeconds)
        {
            throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "X-Amz-Expires must be 1 to 604800 seconds");
        }

        var now = time.GetUtcNow();
        if (timestamp - now > allowedSkew)
        {
            throw new StorageException(StorageErrorCode.RequestTimeTooSkewed);
        }

        if (now > timestamp.AddSeconds(expires))
        {
            throw new StorageException(StorageErrorCode.AccessDenied, "Request has expired");
        }

        CheckScopeDate(credential, timestamp);
        var signedHeaders = (Param("X-Amz-SignedHeaders") ?? "host").Split(';');
        var payloadHash = Param("X-Amz-Content-Sha256") ?? request.Header("x-amz-content-sha256") ?? UnsignedPayload;
        var signingKey = SigV4.DeriveSigningKey(key.SecretKey, credential.Date, credential.Region, credential.Service);
        var canonical = CanonicalRequest.Build(request, signedHeaders, payloadHash, excludeQueryKey: "X-Amz-Signature");
        var expected = SigV4.Sign(signingKey, SigV4.StringToSign(timestamp, credential.Scope, canonical));
        RequireEqual(expected, Param("X-Amz-Signature") ?? string.Empty);
        var mode = ModeOf(payloadHash);
        return new SigV4Result(key, mode, mode == PayloadMode.Sha256 ? payloadHash.ToLowerInvariant() : null, null);
    }

    private static PayloadMode ModeOf(string payloadHash) => payloadHash switch
    {
        UnsignedPayload => PayloadMode.UnsignedPayload,
        StreamingSigned => PayloadMode.StreamingSigned,
        StreamingSignedTrailer => PayloadMode.StreamingSignedTrailer,
        StreamingUnsignedTrailer => PayloadMode.StreamingUnsignedTrailer,
        _ when payloadHash.Length == 64 && Uri.IsHexDigit(payloadHash[0]) && payloadHash.All(Uri.IsHexDigit) => PayloadMode.Sha256,
        _ => throw new StorageException(StorageErrorCode.InvalidArgument, "x-amz-content-sha256 must be a hex SHA-256 or a known payload mode"),
    };

    private AccessKey FindKey(string accessKeyId)
    {
        var key = credentials.FindBySecretId(accessKeyId);
        return key is { Status: AccessKeyStatus.Enabled }
            ? key
            : throw new StorageException(StorageErrorCode.InvalidAccessKeyId, "The AWS Access Key Id you provided does not exist in our records.");
    }

    private static DateTimeOffset RequestTime(SignedRequest request)
    {
        if (SigV4.TryParseTimestamp(request.Header("x-amz-date"), out var timestamp))
        {
            return timestamp;
        }

        if (DateTimeOffset.TryParseExact(request.Header("date"), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp))
        {
            return timestamp;
        }

        throw new StorageException(StorageErrorCode.AccessDenied, "AWS authentication requires a valid Date or x-amz-date header");
    }

    private void CheckSkew(DateTimeOffset timestamp)
    {
        if ((time.GetUtcNow() - timestamp).Duration() > allowedSkew)
        {
            throw new StorageException(StorageErrorCode.RequestTimeTooSkewed);
        }
    }

    private static void CheckScopeDate(SigV4Credential credential, DateTimeOffset timestamp)
    {
        if (credential.Date != timestamp.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
        {
            throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "the credential scope date does not match the request date");
        }
    }

    private static void RequireEqual(string expected, string actual)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant())))
        {
            throw new StorageException(StorageErrorCode.SignatureDoesNotMatch);
        }
    }
}
