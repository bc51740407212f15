using System.Security.Cryptography;
using System.Text;

namespace Mediaflow.Api.Signing;

/// <summary>The TC3-HMAC-SHA256 building blocks (reference/mps-api.md §2.1 steps 3–7), shared by nothing but the verifier.</summary>
public static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public static string CanonicalRequest(string method, string canonicalQuery, string canonicalHeaders, string signedHeaders, string hashedPayload) =>
        // canonicalHeaders already ends in '\n', hence the blank line before the signed header list.
        $"{method}\n/\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{hashedPayload}";

    public static string StringToSign(string timestamp, string date, string service, string canonicalRequest) =>
        $"{Algorithm}\n{timestamp}\n{date}/{service}/tc3_request\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static byte[] SigningKey(string secretKey, string date, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("TC3" + secretKey), Encoding.UTF8.GetBytes(date));
        var kService = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "tc3_request"u8);
    }

    public static string Sign(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
