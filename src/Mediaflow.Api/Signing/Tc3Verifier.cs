using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mediaflow.Domain.Accounts;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Api.Signing;

/// <summary>
/// Server-side TC3-HMAC-SHA256 verification (reference/mps-api.md §2.3): a pure function of the request as received,
/// the current time and the key lookup. Throws <see cref="ApiException"/> with an <c>AuthFailure.*</c> code when the
/// request is not authentic; the API's error mapper turns it into the wire envelope.
/// </summary>
/// <remarks>
/// Decisions where the spec leaves a choice:
/// <list type="bullet">
/// <item>A missing Authorization header is <c>AuthFailure.InvalidAuthorization</c> (nothing to verify — the header is
/// not a valid TC3 header), the same as a malformed one; so are a missing/non-numeric <c>X-TC-Timestamp</c> and a signed
/// header list without <c>content-type</c> and <c>host</c> (Tencent requires both; every SDK signs exactly these).</item>
/// <item>A disabled key answers <c>AuthFailure.SecretIdNotFound</c> with the same message as an unknown one: Tencent
/// documents that code as "does not exist, or was deleted or disabled", and the caller learns nothing about which.</item>
/// <item>The credential-scope date must be the UTC date of <c>X-TC-Timestamp</c> (all SDKs derive it so), else
/// <c>AuthFailure.SignatureFailure</c>.</item>
/// <item>Signed header values are used trimmed as received and, as a second candidate, lower-cased (Tencent's docs
/// lower-case values, the SDKs do not); <c>host</c> is tried with and without its port (Python signs it with, Node
/// without). At most four candidates, each compared in constant time.</item>
/// </list>
/// </remarks>
public static class Tc3Verifier
{
    public const int MaxClockSkewSeconds = 300;

    public static AccessKey Verify(Tc3Request request, DateTimeOffset now, ICredentialLookup credentials)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);

        var authorization = Tc3Authorization.TryParse(request.Header("Authorization"))
            ?? throw InvalidAuthorization("The Authorization header is missing or is not a valid TC3-HMAC-SHA256 header.");
        if (!authorization.SignedHeaderNames.Contains("content-type") || !authorization.SignedHeaderNames.Contains("host"))
        {
            throw InvalidAuthorization("SignedHeaders must include content-type and host.");
        }

        var key = credentials.FindBySecretId(authorization.SecretId);
        if (key is null || key.Status != AccessKeyStatus.Enabled)
        {
            throw new ApiException(ApiErrorCodes.SecretIdNotFound, "The SecretId is not found, please ensure that your SecretId is correct.");
        }

        var timestampText = request.Header("X-TC-Timestamp")?.Trim();
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw InvalidAuthorization("The X-TC-Timestamp header is missing or is not a unix timestamp in seconds.");
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > MaxClockSkewSeconds)
        {
            throw new ApiException(
                ApiErrorCodes.SignatureExpire,
                $"Signature expired: X-TC-Timestamp {timestamp} is more than {MaxClockSkewSeconds} seconds away from the server time {now.ToUnixTimeSeconds()}.");
        }

        if (!IsUtcDateOf(timestamp, authorization.Date))
        {
            throw SignatureFailure();
        }

        var hashedPayload = string.Equals(request.Header("X-TC-Content-SHA256")?.Trim(), Tc3Signature.UnsignedPayload, StringComparison.Ordinal)
            ? Tc3Signature.Sha256Hex(Encoding.UTF8.GetBytes(Tc3Signature.UnsignedPayload))
            : Tc3Signature.Sha256Hex(request.Body.Span);
        var canonicalQuery = string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase) ? request.RawQuery : "";
        var signingKey = Tc3Signature.SigningKey(key.SecretKey, authorization.Date, authorization.Service);
        var expected = Encoding.ASCII.GetBytes(authorization.Signature);

        var matched = false;
        foreach (var canonicalHeaders in CanonicalHeaderCandidates(request, authorization.SignedHeaderNames))
        {
            var canonicalRequest = Tc3Signature.CanonicalRequest(
                request.Method.ToUpperInvariant(), canonicalQuery, canonicalHeaders, authorization.SignedHeaders, hashedPayload);
            var stringToSign = Tc3Signature.StringToSign(timestampText, authorization.Date, authorization.Service, canonicalRequest);
            var actual = Encoding.ASCII.GetBytes(Tc3Signature.Sign(signingKey, stringToSign));
            matched |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }

        return matched ? key : throw SignatureFailure();
    }

    private static IEnumerable<string> CanonicalHeaderCandidates(Tc3Request request, IReadOnlyList<string> names)
    {
        var host = request.Header("Host")?.Trim() ?? "";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hostValue in new[] { host, WithoutPort(host) })
        {
            foreach (var lowerCaseValues in new[] { false, true })
            {
                var builder = new StringBuilder();
                foreach (var name in names)
                {
                    var value = name == "host" ? hostValue : request.Header(name)?.Trim() ?? "";
                    builder.Append(name).Append(':').Append(lowerCaseValues ? value.ToLowerInvariant() : value).Append('\n');
                }

                var candidate = builder.ToString();
                if (seen.Add(candidate))
                {
                    yield return candidate;
                }
            }
        }
    }

    /// <summary><c>127.0.0.1:18080</c> → <c>127.0.0.1</c>, <c>[::1]:18080</c> → <c>[::1]</c>; a host without a port is returned unchanged.</summary>
    public static string WithoutPort(string host)
    {
        var colon = host.LastIndexOf(':');
        if (colon < 0 || colon == host.Length - 1 || !host[(colon + 1)..].All(char.IsAsciiDigit))
        {
            return host;
        }

        var name = host[..colon];
        var bracketed = name.StartsWith('[') && name.EndsWith(']');
        return bracketed || !name.Contains(':') ? name : host;
    }

    private static bool IsUtcDateOf(long timestamp, string date) =>
        timestamp >= 0 && timestamp <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && string.Equals(DateTimeOffset.FromUnixTimeSeconds(timestamp).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date, StringComparison.Ordinal);

    private static ApiException InvalidAuthorization(string message) => new(ApiErrorCodes.InvalidAuthorization, message);

    private static ApiException SignatureFailure() =>
        new(ApiErrorCodes.SignatureFailure, "The provided credentials could not be validated. Please check your signature is correct.");
}
