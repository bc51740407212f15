using System.Text.RegularExpressions;

namespace Mediaflow.Api.Signing;

/// <summary>The parts of a TC3 <c>Authorization</c> header (reference/mps-api.md §2.3 step 1).</summary>
/// <param name="Service">Taken verbatim from the credential scope: Node derives it from the endpoint (<c>127</c> for 127.0.0.1), Python and Go send <c>mps</c>.</param>
/// <param name="SignedHeaders">The signed header list exactly as sent (used verbatim in the canonical request).</param>
/// <param name="SignedHeaderNames">The same list split and lower-cased (used to rebuild the canonical headers).</param>
public sealed partial record Tc3Authorization(
    string SecretId,
    string Date,
    string Service,
    string SignedHeaders,
    IReadOnlyList<string> SignedHeaderNames,
    string Signature)
{
    /// <returns>The parsed header, or null when it is absent or not a TC3-HMAC-SHA256 header.</returns>
    public static Tc3Authorization? TryParse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var match = Pattern().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var signedHeaders = match.Groups[4].Value;
        var names = signedHeaders.Split(';').Select(n => n.Trim().ToLowerInvariant()).ToArray();
        if (names.Any(n => n.Length == 0))
        {
            return null;
        }

        return new Tc3Authorization(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, signedHeaders, names, match.Groups[5].Value);
    }

    // §2.3 regex; [0-9] instead of \d (no Unicode digits) and \z instead of $ (no trailing newline).
    [GeneratedRegex(
        @"^TC3-HMAC-SHA256 Credential=([^/]+)/([0-9]{4}-[0-9]{2}-[0-9]{2})/([^/]+)/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})\z",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
