using System.Buffers.Binary;

namespace Mediaflow.Media.Watermarks;

/// <summary>
/// Pure: what kind of picture a watermark file is, from its bytes — the demuxer that opens it and whether it has several
/// frames (then its <c>RepeatType</c> matters). PNG (<c>png_pipe</c>; an APNG, a PNG with an <c>acTL</c> chunk before
/// its first <c>IDAT</c>, is <c>apng</c> and animated), JPEG (<c>jpeg_pipe</c>), GIF (<c>gif</c>, animated); anything
/// else is treated as a video (demuxer null: opened by the source demuxers, animated).
/// </summary>
public static class WatermarkPictures
{
    public static (string? Format, bool Animated) Sniff(ReadOnlySpan<byte> bytes)
    {
        if (IsPng(bytes))
        {
            return IsAnimatedPng(bytes) ? ("apng", true) : ("png_pipe", false);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return ("jpeg_pipe", false);
        }

        return bytes.Length >= 6 && bytes[..3].SequenceEqual("GIF"u8) && (bytes[3..6].SequenceEqual("87a"u8) || bytes[3..6].SequenceEqual("89a"u8))
            ? ("gif", true)
            : (null, true);
    }

    private static bool IsPng(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

    /// <summary>Walks the chunks (length, type, data, CRC) after the signature until <c>acTL</c> or <c>IDAT</c>.</summary>
    private static bool IsAnimatedPng(ReadOnlySpan<byte> bytes)
    {
        var at = 8;
        while (at + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
            var type = bytes.Slice(at + 4, 4);
            if (type.SequenceEqual("acTL"u8))
            {
                return true;
            }

            if (type.SequenceEqual("IDAT"u8) || length > int.MaxValue - 12 - at)
            {
                return false;
            }

            at += 12 + (int)length;
        }

        return false;
    }
}
