using System.Text;

namespace Mediaflow.Storage.Objects;

/// <summary>
/// RFC 2047 encoded words in metadata header values, as S3 treats them: a UTF-8 <c>=?UTF-8?B?…?=</c> or
/// <c>=?UTF-8?Q?…?=</c> value is stored decoded, and a non-ASCII value goes out as <c>=?UTF-8?B?…?=</c>. HTTP header
/// values are ASCII on the wire, so this is how UTF-8 metadata round-trips.
/// </summary>
internal static class EncodedWords
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith("=?", StringComparison.Ordinal) || !value.EndsWith("?=", StringComparison.Ordinal))
        {
            return value;
        }

        var parts = value[2..^2].Split('?');
        if (parts.Length != 3 || !string.Equals(parts[0], "UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        try
        {
            var bytes = parts[1].ToUpperInvariant() switch
            {
                "B" => Convert.FromBase64String(parts[2]),
                "Q" => DecodeQ(parts[2]),
                _ => null,
            };
            return bytes is null ? value : Strict.GetString(bytes);
        }
        catch (FormatException)
        {
            return value;
        }
        catch (DecoderFallbackException)
        {
            return value;
        }
    }

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.All(c => c is >= ' ' and <= '~') ? value : $"=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
    }

    private static byte[] DecodeQ(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }
}
