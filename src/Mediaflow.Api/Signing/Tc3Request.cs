namespace Mediaflow.Api.Signing;

/// <summary>
/// What TC3 verification needs from one HTTP request, exactly as received: no re-serialization, no normalization.
/// </summary>
/// <param name="Method">HTTP method (<c>POST</c> or <c>GET</c>).</param>
/// <param name="RawQuery">The raw query string without the leading <c>?</c> (signed for GET only).</param>
/// <param name="Headers">Received header values by name; names are matched case-insensitively.</param>
/// <param name="Body">The raw body bytes.</param>
public sealed record Tc3Request(string Method, string RawQuery, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    public string? Header(string name)
    {
        if (Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, candidate) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }
}
