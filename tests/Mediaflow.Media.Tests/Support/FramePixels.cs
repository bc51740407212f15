using System.Globalization;

namespace Mediaflow.Media.Tests.Support;

/// <summary>One decoded frame as RGB24 (an independent ffmpeg decode), and where pixels of a colour are in it.</summary>
public sealed record FramePixels(int Width, int Height, byte[] Rgb)
{
    /// <summary>The frame at <paramref name="seconds"/> (accurate seek) of a video, or an image (seconds 0), at its own size.</summary>
    public static async Task<FramePixels> ReadAsync(string path, int width, int height, double seconds = 0)
    {
        var raw = Path.Combine(Path.GetTempPath(), "mf-frame-" + Guid.NewGuid().ToString("N") + ".rgb");
        try
        {
            // No -ss for a still image: the image2 demuxer returns no frame of a JPEG after a seek, even to 0.
            string[] seek = seconds > 0 ? ["-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture)] : [];
            await Ffprobe.RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. seek, "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", raw]);
            var bytes = await File.ReadAllBytesAsync(raw);
            Assert.Equal(width * height * 3, bytes.Length);
            return new FramePixels(width, height, bytes);
        }
        finally
        {
            File.Delete(raw);
        }
    }

    public (byte R, byte G, byte B) At(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
    }

    /// <summary>Bounding box (inclusive) and count of the pixels that match; null when none does.</summary>
    public (int MinX, int MinY, int MaxX, int MaxY, int Count)? Box(Func<byte, byte, byte, bool> match, int x0 = 0, int y0 = 0, int x1 = int.MaxValue, int y1 = int.MaxValue)
    {
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1, count = 0;
        for (var y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
            {
                var (r, g, b) = At(x, y);
                if (match(r, g, b))
                {
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                    count++;
                }
            }
        }

        return count == 0 ? null : (minX, minY, maxX, maxY, count);
    }

    public static bool Red(byte r, byte g, byte b) => r > 160 && g < 90 && b < 90;

    public static bool Green(byte r, byte g, byte b) => g > 160 && r < 90 && b < 90;

    public static bool Bright(byte r, byte g, byte b) => r > 180 && g > 180 && b > 180;

    /// <summary>PSNR (dB) of the same rectangle of two frames (accurate seeks), by ffmpeg's psnr filter.</summary>
    public static async Task<double> CropPsnrAsync(string a, string b, double seconds, long x, long y, long width, long height)
    {
        var at = seconds.ToString("0.###", CultureInfo.InvariantCulture);
        var crop = FormattableString.Invariant($"crop=w={width}:h={height}:x={x}:y={y},format=yuv420p");
        var log = await Ffprobe.RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-ss", at, "-i", a, "-ss", at, "-i", b, "-lavfi",
            $"[0:v]{crop}[a];[1:v]{crop}[b];[a][b]psnr", "-frames:v", "1", "-f", "null", "-");
        var marker = log.LastIndexOf("average:", StringComparison.Ordinal);
        var text = log[(marker + 8)..].Split(' ')[0];
        return text == "inf" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);
    }
}
