using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mediaflow.Tests.Signing;

/// <summary>
/// A client-side TC3-HMAC-SHA256 signer written from reference/mps-api.md §2.1, independently of the server's code,
/// so a shared mistake cannot make both sides agree. Linked into every test project that signs MPS requests.
/// </summary>
public static class TestTc3Signer
{
    public static string Authorization(
        string secretId,
        string secretKey,
        long timestamp,
        string service,
        string host,
        string contentType,
        byte[] payload,
        string method = "POST",
        string query = "",
        bool unsignedPayload = false)
    {
        // 1. date from the timestamp, in UTC
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // 3. payload hash
        var hashedPayload = Hex(SHA256.HashData(unsignedPayload ? Encoding.ASCII.GetBytes("UNSIGNED-PAYLOAD") : payload));

        // 4.–5. canonical request
        var canonicalRequest = string.Join(
            "\n",
            method,
            "/",
            method == "GET" ? query : "",
            "content-type:" + contentType + "\n" + "host:" + host + "\n",
            "content-type;host",
            hashedPayload);

        // 6. string to sign
        var scope = date + "/" + service + "/tc3_request";
        var stringToSign = "TC3-HMAC-SHA256\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + scope + "\n"
            + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

        // 7. key derivation and signature
        var secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var secretService = Hmac(secretDate, service);
        var secretSigning = Hmac(secretService, "tc3_request");
        var signature = Hex(Hmac(secretSigning, stringToSign));

        // 8.
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature=" + signature;
    }

    private static byte[] Hmac(byte[] key, string message)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
    }

    private static string Hex(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
