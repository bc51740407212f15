using System.Text;

namespace Mediaflow.Storage.Signing;

/// <summary>The SigV4 canonical request: method, URI, sorted query, signed headers and payload hash.</summary>
public static class CanonicalRequest
{
    public static string Build(SignedRequest request, IReadOnlyList<string> signedHeaders, string payloadHash, string? excludeQueryKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(SigV4.UriEncode(request.Path, keepSlash: true)).Append('\n');
        builder.Append(CanonicalQuery(request.Query, excludeQueryKey)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.Header(name) ?? string.Empty)).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string CanonicalQuery(IReadOnlyList<KeyValuePair<string, string>> query, string? excludeKey)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = query
            .Where(p => excludeKey is null || !string.Equals(p.Key, excludeKey, StringComparison.Ordinal))
            .Select(p => (Key: SigV4.UriEncode(p.Key, keepSlash: false), Value: SigV4.UriEncode(p.Value, keepSlash: false)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>Trims the value and collapses runs of spaces to one, as SigV4 requires.</summary>
    public static string CanonicalHeaderValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (c == ' ')
            {
                if (!space)
                {
                    builder.Append(c);
                }

                space = true;
            }
            else
            {
                builder.Append(c);
                space = false;
            }
        }

        return builder.ToString();
    }
}
