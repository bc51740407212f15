using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mediaflow.Engine.Notifications;

/// <summary>
/// Standard Webhooks (standardwebhooks.com) signing, pure: <c>webhook-signature = v1,base64(HMAC-SHA256(key,
/// "{webhook-id}.{webhook-timestamp}.{body}"))</c>, where the key is the base64 part of the <c>whsec_</c> secret.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
