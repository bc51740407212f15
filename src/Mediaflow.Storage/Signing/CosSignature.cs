using System.Security.Cryptography;
using System.Text;

namespace Mediaflow.Storage.Signing;

/// <summary>
/// The COS <c>q-sign-algorithm=sha1</c> signature (cos-nodejs-sdk-v5 <c>util.getAuth</c>; mps-api.md §15.3):
/// SignKey = hex HMAC-SHA1(SecretKey, KeyTime); FormatString = method, decoded path, sorted encoded params, sorted
/// encoded headers; StringToSign = <c>sha1\nKeyTime\nhex sha1(FormatString)\n</c>; signature = hex HMAC-SHA1(SignKey, StringToSign).
/// </summary>
public static class CosSignature
{
    public static string SignKey(string secretKey, string keyTime) =>
        Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(keyTime)));

    /// <param name="path">The decoded path, e.g. <c>/input/a b.mp4</c>.</param>
    /// <param name="parameters">Query parameters (names any case; encoded and lower-cased here).</param>
    /// <param name="headers">The signed headers with their values.</param>
    public static string FormatString(
        string method, string path, IEnumerable<KeyValuePair<string, string>> parameters, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(method);
        return $"{method.ToLowerInvariant()}\n{path}\n{Pairs(parameters)}\n{Pairs(headers)}\n";
    }

    public static string StringToSign(string keyTime, string formatString) =>
        $"sha1\n{keyTime}\n{Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(formatString)))}\n";

    public static string Sign(string secretKey, string keyTime, string formatString) =>
        Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(SignKey(secretKey, keyTime)), Encoding.UTF8.GetBytes(StringToSign(keyTime, formatString))));

    /// <summary>The encoded, lower-cased, sorted names joined with ';' as in <c>q-header-list</c> / <c>q-url-param-list</c>.</summary>
    public static string NameList(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join(';', Encoded(pairs).Select(p => p.Key));

    /// <summary>encodeURIComponent with <c>! ' ( ) *</c> escaped too: exactly AWS's unreserved set.</summary>
    public static string Encode(string value) => SigV4.UriEncode(value, keepSlash: false);

    private static string Pairs(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', Encoded(pairs).Select(p => $"{p.Key}={p.Value}"));

    private static IEnumerable<KeyValuePair<string, string>> Encoded(IEnumerable<KeyValuePair<string, string>> pairs) =>
        pairs.Select(p => KeyValuePair.Create(Encode(p.Key.ToLowerInvariant()), Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal);
}
