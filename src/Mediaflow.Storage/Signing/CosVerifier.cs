using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mediaflow.Domain.Accounts;

namespace Mediaflow.Storage.Signing;

/// <summary>
/// Verifies a q-sign request: the signature matches, the key-time window contains now, and every listed header and
/// parameter is present in the request.
/// </summary>
public sealed class CosVerifier(ICredentialLookup credentials, TimeProvider time, TimeSpan allowedSkew)
{
    /// <param name="request">The request; its path is the decoded object path (<c>/</c> + key) as the SDK signs it.</param>
    public AccessKey Verify(SignedRequest request, string authorization)
    {
        ArgumentNullException.ThrowIfNull(request);
        var auth = CosAuthorization.Parse(authorization)
            ?? throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "The q-sign authorization is malformed");
        var key = credentials.FindBySecretId(auth.SecretId);
        if (key is not { Status: AccessKeyStatus.Enabled })
        {
            throw new StorageException(StorageErrorCode.InvalidAccessKeyId, "The SecretId you provided does not exist in our records.");
        }

        CheckKeyTime(auth.KeyTime);
        var headers = auth.HeaderList.Select(name =>
            KeyValuePair.Create(name, request.Header(Uri.UnescapeDataString(name)) ?? throw SignatureMismatch($"signed header {name} is missing")));
        var parameters = auth.UrlParamList.Select(name =>
        {
            var decoded = Uri.UnescapeDataString(name);
            var match = request.Query.Where(p => string.Equals(p.Key, decoded, StringComparison.OrdinalIgnoreCase)).ToList();
            return match.Count > 0 ? KeyValuePair.Create(decoded, match[0].Value) : throw SignatureMismatch($"signed parameter {name} is missing");
        });
        var format = CosSignature.FormatString(request.Method, request.Path, parameters.ToList(), headers.ToList());
        var expected = CosSignature.Sign(key.SecretKey, auth.KeyTime, format);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature.ToLowerInvariant())))
        {
            throw new StorageException(StorageErrorCode.SignatureDoesNotMatch);
        }

        return key;
    }

    private void CheckKeyTime(string keyTime)
    {
        var parts = keyTime.Split(';');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            throw new StorageException(StorageErrorCode.AuthorizationHeaderMalformed, "q-key-time must be <start>;<end> in unix seconds");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (now < start - (long)allowedSkew.TotalSeconds)
        {
            throw new StorageException(StorageErrorCode.RequestTimeTooSkewed);
        }

        if (now > end)
        {
            throw new StorageException(StorageErrorCode.AccessDenied, "Request has expired");
        }
    }

    private static StorageException SignatureMismatch(string detail) => new(StorageErrorCode.SignatureDoesNotMatch, detail);
}
