using ZXing;
using ZXing.Common;
using ZXing.QrCode.Internal;

namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// Decodes QR codes and 1D barcodes in one gray frame with ZXing.Net (no System.Drawing: the gray bytes are the
/// luminance plane). A hit's box: for a QR code the finder-pattern centres widened by 3.5 modules (half a finder
/// pattern); for a barcode the decoded scan line's ends, widened to the rows that carry the same bar pattern.
/// </summary>
public static class CodeScanner
{
    private static readonly BarcodeFormat[] BarFormats =
    [
        BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.CODE_93, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8,
        BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.ITF, BarcodeFormat.CODABAR,
    ];

    public static IReadOnlyList<CodeHit> Scan(byte[] gray, int width, int height, bool qr, bool bar)
    {
        ArgumentNullException.ThrowIfNull(gray);
        var formats = new List<BarcodeFormat>();
        if (qr)
        {
            formats.Add(BarcodeFormat.QR_CODE);
        }

        if (bar)
        {
            formats.AddRange(BarFormats);
        }

        if (formats.Count == 0)
        {
            return [];
        }

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = formats },
        };
        var results = reader.DecodeMultiple(new PlanarYUVLuminanceSource(gray, width, height, 0, 0, width, height, false)) ?? [];
        var hits = new List<CodeHit>();
        foreach (var result in results)
        {
            var points = result.ResultPoints?.Where(p => p is not null).ToArray() ?? [];
            if (points.Length == 0)
            {
                continue;
            }

            if (result.BarcodeFormat == BarcodeFormat.QR_CODE)
            {
                var module = points.OfType<FinderPattern>().Select(f => f.EstimatedModuleSize).DefaultIfEmpty(1f).Average();
                hits.Add(Box("QRCode", result.Text, points.Min(p => p.X) - (3.5 * module), points.Min(p => p.Y) - (3.5 * module),
                    points.Max(p => p.X) + (3.5 * module), points.Max(p => p.Y) + (3.5 * module), width, height));
            }
            else
            {
                var row = Math.Clamp((int)Math.Round(points.Average(p => p.Y)), 0, height - 1);
                var (x1, x2) = BarEnds(gray, width, row, (int)Math.Round(points.Min(p => p.X)), (int)Math.Round(points.Max(p => p.X)));
                var (top, bottom) = BarRows(gray, width, height, x1, x2, row);
                hits.Add(Box("BarCode", result.Text, x1, top, x2, bottom, width, height));
            }
        }

        return hits;
    }

    private static CodeHit Box(string type, string text, double x1, double y1, double x2, double y2, int width, int height) =>
        new(type, text, Clamp(x1, width), Clamp(y1, height), Clamp(x2, width), Clamp(y2, height));

    private static int Clamp(double v, int size) => (int)Math.Clamp(Math.Round(v), 0, size - 1);

    /// <summary>
    /// ZXing reports a barcode's start and stop pattern centres; the bars reach further out. From each centre, walk outwards
    /// over dark runs until a light run longer than 7 modules (a quiet zone is at least 10, a symbol's widest space 4),
    /// the module being the narrowest run between the centres.
    /// </summary>
    internal static (int Left, int Right) BarEnds(byte[] gray, int width, int row, int x1, int x2)
    {
        x1 = Math.Clamp(x1, 0, width - 1);
        x2 = Math.Clamp(x2, x1, width - 1);
        var offset = row * width;
        long sum = 0;
        for (var x = x1; x <= x2; x++)
        {
            sum += gray[offset + x];
        }

        var threshold = sum / (double)(x2 - x1 + 1);
        bool Dark(int x) => gray[offset + x] < threshold;
        var module = int.MaxValue;
        var run = 1;
        for (var x = x1 + 1; x <= x2; x++)
        {
            if (Dark(x) == Dark(x - 1))
            {
                run++;
            }
            else
            {
                module = Math.Min(module, run);
                run = 1;
            }
        }

        var quiet = 7 * (module == int.MaxValue ? 1 : module);
        int Walk(int from, int step)
        {
            var lastDark = from;
            for (var x = from; x >= 0 && x < width && Math.Abs(x - lastDark) <= quiet; x += step)
            {
                if (Dark(x))
                {
                    lastDark = x;
                }
            }

            return lastDark;
        }

        return (Walk(x1, -1), Walk(x2, 1));
    }

    /// <summary>The rows above and below <paramref name="row"/> whose binarized pixels in [x1, x2] agree with it on ≥ 90 %.</summary>
    internal static (int Top, int Bottom) BarRows(byte[] gray, int width, int height, int x1, int x2, int row)
    {
        x1 = Math.Clamp(x1, 0, width - 1);
        x2 = Math.Clamp(x2, x1, width - 1);
        row = Math.Clamp(row, 0, height - 1);
        var span = x2 - x1 + 1;
        long sum = 0;
        for (var x = x1; x <= x2; x++)
        {
            sum += gray[(row * width) + x];
        }

        var threshold = sum / (double)span;
        bool Same(int y)
        {
            var agree = 0;
            for (var x = x1; x <= x2; x++)
            {
                if (gray[(y * width) + x] < threshold == gray[(row * width) + x] < threshold)
                {
                    agree++;
                }
            }

            return agree >= 0.9 * span;
        }

        var top = row;
        while (top > 0 && Same(top - 1))
        {
            top--;
        }

        var bottom = row;
        while (bottom < height - 1 && Same(bottom + 1))
        {
            bottom++;
        }

        return (top, bottom);
    }
}
