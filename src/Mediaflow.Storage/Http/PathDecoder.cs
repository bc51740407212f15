using System.Text;

namespace Mediaflow.Storage.Http;

/// <summary>
/// Strict percent-decoding of a request path: the escapes become bytes and the bytes must be UTF-8, else InvalidURI
/// (<see cref="Uri.UnescapeDataString(string)"/> would silently keep malformed escapes as text, making two different
/// requests name one key).
/// </summary>
internal static class PathDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            return raw;
        }

        var bytes = new List<byte>(raw.Length);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2]))
                {
                    throw new StorageException(StorageErrorCode.InvalidURI);
                }

                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (char.IsSurrogate(c) && i + 1 < raw.Length)
            {
                var written = Encoding.UTF8.GetBytes(raw.AsSpan(i, 2), scratch);
                for (var b = 0; b < written; b++)
                {
                    bytes.Add(scratch[b]);
                }

                i++;
            }
            else
            {
                var written = Encoding.UTF8.GetBytes(raw.AsSpan(i, 1), scratch);
                for (var b = 0; b < written; b++)
                {
                    bytes.Add(scratch[b]);
                }
            }
        }

        try
        {
            return Strict.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new StorageException(StorageErrorCode.InvalidURI);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
