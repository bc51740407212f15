using System.Text;
using ZXing;
using ZXing.OneD;
using ZXing.QrCode;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

/// <summary>QR and Code 128 images encoded with ZXing.Net, written as binary PGM (which ffmpeg reads) for overlays.</summary>
public static class CodeImages
{
    /// <summary>A QR code of exactly <paramref name="size"/> pixels square, quiet zone included (white), and the box of its dark modules.</summary>
    public static (string Path, int Left, int Top, int Right, int Bottom) Qr(string directory, string text, int size)
    {
        var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size);
        var path = Write(directory, "qr.pgm", matrix.Width, matrix.Height, (x, y) => matrix[x, y]);
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < matrix.Height; y++)
        {
            for (var x = 0; x < matrix.Width; x++)
            {
                if (matrix[x, y])
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }
            }
        }

        return (path, left, top, right, bottom);
    }

    /// <summary>A Code 128 barcode: <paramref name="moduleWidth"/> px per module, bars <paramref name="barHeight"/> px tall, 10-module quiet zones and 10 px of white above and below.</summary>
    public static (string Path, int BarsLeft, int BarsRight, int BarsTop, int BarsBottom) Code128(string directory, string text, int moduleWidth, int barHeight)
    {
        var modules = new Code128Writer().encode(text);
        const int quiet = 10, margin = 10;
        var width = (modules.Length + (2 * quiet)) * moduleWidth;
        var height = barHeight + (2 * margin);
        var path = Write(directory, "bar.pgm", width, height,
            (x, y) => y >= margin && y < margin + barHeight && (x / moduleWidth) - quiet is var m && m >= 0 && m < modules.Length && modules[m]);
        var first = Array.IndexOf(modules, true);
        var last = Array.LastIndexOf(modules, true);
        return (path, (quiet + first) * moduleWidth, ((quiet + last + 1) * moduleWidth) - 1, margin, margin + barHeight - 1);
    }

    private static string Write(string directory, string name, int width, int height, Func<int, int, bool> black)
    {
        var path = Path.Combine(directory, name);
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes(FormattableString.Invariant($"P5\n{width} {height}\n255\n")));
        var row = new byte[width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                row[x] = black(x, y) ? (byte)0 : (byte)255;
            }

            file.Write(row);
        }

        return path;
    }
}
