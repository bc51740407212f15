using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mediaflow.Domain.Accounts;
using Microsoft.AspNetCore.Http.Features;

namespace Mediaflow.Storage.Http;

/// <summary>
/// Legacy signature-V2 presigned URLs (<c>?AWSAccessKeyId=…&amp;Expires=…&amp;Signature=…</c>), which s3cmd's
/// <c>signurl</c> still produces: HMAC-SHA1 over <c>METHOD\nContent-MD5\nContent-Type\nExpires\n/bucket/key</c>, the
/// resource as sent (URL-encoded). Only path-style GET/HEAD are accepted; any other use answers AccessDenied.
/// </summary>
internal static class SigV2PresignedUrl
{
    public static bool IsPresigned(StoreRequest request) =>
        request.Has("AWSAccessKeyId") && request.Has("Signature") && request.Has("Expires");

    public static AccessKey Verify(StoreRequest request, ICredentialLookup credentials, TimeProvider time)
    {
        if (request.Method is not ("GET" or "HEAD") || request.Addressing != Addressing.PathStyle)
        {
            throw new StorageException(StorageErrorCode.AccessDenied, "Signature V2 URLs are accepted for path-style GET and HEAD only");
        }

        var key = credentials.FindBySecretId(request.Get("AWSAccessKeyId")!);
        if (key is not { Status: AccessKeyStatus.Enabled })
        {
            throw new StorageException(StorageErrorCode.InvalidAccessKeyId, "The AWS Access Key Id you provided does not exist in our records.");
        }

        if (!long.TryParse(request.Get("Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            throw new StorageException(StorageErrorCode.AccessDenied, "Expires must be unix seconds");
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            throw new StorageException(StorageErrorCode.AccessDenied, "Request has expired");
        }

        var raw = request.Http.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Http.Path.ToString();
        var resource = raw.Split('?', 2)[0];
        var stringToSign = $"{request.Method}\n{request.Header("Content-MD5")}\n{request.Header("Content-Type")}\n{expires}\n{resource}";
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key.SecretKey), Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Get("Signature")!)))
        {
            throw new StorageException(StorageErrorCode.SignatureDoesNotMatch);
        }

        return key;
    }
}
