namespace Mediaflow.Storage.Signing;

/// <summary>A parsed <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> header.</summary>
public sealed record SigV4Authorization(SigV4Credential Credential, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static bool IsSigV4(string? authorization) =>
        authorization is not null && authorization.StartsWith(SigV4.Algorithm + " ", StringComparison.Ordinal);

    /// <summary>Null when the header is not a well-formed SigV4 authorization.</summary>
    public static SigV4Authorization? Parse(string authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!IsSigV4(authorization))
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in authorization[(SigV4.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return null;
            }

            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: break;
            }
        }

        var parsed = credential is null ? null : SigV4Credential.Parse(credential);
        if (parsed is null || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature))
        {
            return null;
        }

        return new SigV4Authorization(parsed, signedHeaders.Split(';'), signature);
    }
}
