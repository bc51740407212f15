namespace Mediaflow.Storage.Signing;

/// <summary>A parsed COS <c>Authorization: q-sign-algorithm=sha1&amp;q-ak=…&amp;…&amp;q-signature=…</c> header.</summary>
public sealed record CosAuthorization(
    string SecretId,
    string SignTime,
    string KeyTime,
    IReadOnlyList<string> HeaderList,
    IReadOnlyList<string> UrlParamList,
    string Signature)
{
    public static bool IsCos(string? authorization) =>
        authorization is not null && authorization.StartsWith("q-sign-algorithm=", StringComparison.Ordinal);

    /// <summary>Null when the header is not a well-formed sha1 q-sign authorization.</summary>
    public static CosAuthorization? Parse(string authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization.Split('&'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields[part[..eq]] = Uri.UnescapeDataString(part[(eq + 1)..]);
            }
        }

        if (fields.GetValueOrDefault("q-sign-algorithm") != "sha1"
            || !fields.TryGetValue("q-ak", out var ak) || !fields.TryGetValue("q-key-time", out var keyTime)
            || !fields.TryGetValue("q-signature", out var signature))
        {
            return null;
        }

        static string[] List(string? value) => string.IsNullOrEmpty(value) ? [] : value.Split(';');
        return new CosAuthorization(
            ak,
            fields.GetValueOrDefault("q-sign-time") ?? keyTime,
            keyTime,
            List(fields.GetValueOrDefault("q-header-list")),
            List(fields.GetValueOrDefault("q-url-param-list")),
            signature);
    }
}
