using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Snapshots;

/// <summary>Encoders of the image formats: jpg (mjpeg, q 2, full-range 4:2:0), png (RGB), webp (libwebp, quality 80).</summary>
public static class ImageEncoders
{
    public static VideoEncoding Still(string format) => format switch
    {
        "jpg" => new VideoEncoding { Encoder = "mjpeg", Quality = 2, PixelFormat = "yuvj420p" },
        "png" => new VideoEncoding { Encoder = "png", PixelFormat = "rgb24" },
        "webp" => new VideoEncoding { Encoder = "libwebp", Quality = 80, PixelFormat = "yuv420p" },
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an image format"),
    };

    public static string ContentType(string format) => format switch
    {
        "jpg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "vtt" => "text/vtt",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// The palette size a GIF's Quality (1..100) asks for: 256 colours × Quality / 100, at least 2 — GIF has no other
    /// quality knob; WebP passes Quality to libwebp as is.
    /// </summary>
    public static long GifColors(long quality) => Math.Clamp((long)Math.Round(256 * quality / 100.0), 2, 256);
}
