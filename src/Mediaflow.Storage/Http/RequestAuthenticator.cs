using Mediaflow.Domain.Accounts;
using Mediaflow.Storage.Buckets;
using Mediaflow.Storage.Signing;

namespace Mediaflow.Storage.Http;

/// <summary>Picks the signature scheme by the Authorization header's form: SigV4, COS q-sign, presigned query; else anonymous (refused).</summary>
internal sealed class RequestAuthenticator(ICredentialLookup credentials, TimeProvider time, StorageOptions options)
{
    private readonly SigV4Verifier sigV4 = new(credentials, time, options.AllowedClockSkew);
    private readonly CosVerifier cos = new(credentials, time, options.AllowedClockSkew);

    public Caller Authenticate(StoreRequest request)
    {
        var authorization = request.Header("Authorization");
        var signed = request.ToSigned();
        Caller caller;
        if (SigV4Authorization.IsSigV4(authorization))
        {
            var result = sigV4.VerifyHeader(signed, authorization!);
            caller = new Caller(result.Key.AppId, result.Mode, result.PayloadSha256, result.Chain);
        }
        else if (CosAuthorization.IsCos(authorization))
        {
            var key = cos.Verify(signed, authorization!);
            caller = new Caller(key.AppId, PayloadMode.UnsignedPayload, null, null);
        }
        else if (authorization is null && SigV4Verifier.IsPresigned(signed))
        {
            var result = sigV4.VerifyPresigned(signed);
            caller = new Caller(result.Key.AppId, result.Mode, result.PayloadSha256, null);
        }
        else if (authorization is null && request.Has("q-sign-algorithm"))
        {
            // A COS presigned URL (getObjectUrl with Sign): the q-sign fields travel in the query instead of the header.
            var fields = signed.Query.Where(p => p.Key.StartsWith("q-", StringComparison.Ordinal)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}");
            var key = cos.Verify(signed, string.Join('&', fields));
            caller = new Caller(key.AppId, PayloadMode.UnsignedPayload, null, null);
        }
        else if (authorization is null && SigV2PresignedUrl.IsPresigned(request))
        {
            var key = SigV2PresignedUrl.Verify(request, credentials, time);
            caller = new Caller(key.AppId, PayloadMode.UnsignedPayload, null, null);
        }
        else if (authorization is null)
        {
            throw new StorageException(StorageErrorCode.AccessDenied, "Anonymous requests are not allowed");
        }
        else
        {
            throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "Unsupported authorization type");
        }

        // Only COS-style name-<AppId> buckets are reachable through a COS Host, as COS clients require that form.
        if (request.Addressing == Addressing.CosVirtualHost && BucketNameRules.CosAppIdSuffix(request.Bucket!) is null)
        {
            throw new StorageException(StorageErrorCode.NoSuchBucket);
        }

        return caller;
    }
}
