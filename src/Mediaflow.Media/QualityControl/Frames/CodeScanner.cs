using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;
using ZXing.OneD;
using ZXing.QrCode.Internal;

namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// Decodes QR codes and 1D barcodes in the gray frames of one detector run with ZXing.Net (no System.Drawing: the gray
/// bytes are the luminance plane), reusing its readers and frame buffer (a run is single-threaded). QR codes: the whole
/// frame, TryHarder, ZXing's multi-QR reader. Barcodes: ZXing's 1D readers (TryHarder: every row, both directions) on
/// two sampled views — every <see cref="BarStep"/>-th row for upright bars, every <see cref="BarStep"/>-th column for
/// bars turned 90° — instead of every row of the frame and then of its rotated copy: bars at least
/// <see cref="BarStep"/> rows tall still cross a scanned row, at a fifth of the work (docs/quality-control-format.md).
/// A hit's box: for a QR code the finder-pattern centres widened by 3.5 modules; for a barcode the decoded scan line's
/// ends, widened to the lines that carry the same bar pattern.
/// </summary>
public sealed partial class CodeScanner
{
    /// <summary>Scanned line spacing of the barcode views, in frame pixels.</summary>
    public const int BarStep = 6;

    /// <summary>As ZXing's GenericMultipleBarcodeReader: a side of a hit narrower than this is not searched again.</summary>
    private const int MinDimensionToRecur = 30;

    private static readonly BarcodeFormat[] BarFormats =
    [
        BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.CODE_93, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8,
        BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.ITF, BarcodeFormat.CODABAR,
    ];

    private readonly int width;
    private readonly int height;
    private readonly byte[] frame;
    private readonly QRCodeMultiReader? qrReader;
    private readonly Dictionary<DecodeHintType, object> qrHints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
    };

    private readonly MultiFormatOneDReader? barReader;
    private readonly Dictionary<DecodeHintType, object> barHints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat>(BarFormats),
    };

    public CodeScanner(int width, int height, bool qr, bool bar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        (this.width, this.height, frame) = (width, height, new byte[width * height]);
        qrReader = qr ? new QRCodeMultiReader() : null;
        barReader = bar ? new MultiFormatOneDReader(barHints) : null;
    }

    public IReadOnlyList<CodeHit> Scan(ReadOnlySpan<byte> gray)
    {
        if (gray.Length != frame.Length)
        {
            throw new ArgumentException($"a {width}×{height} gray frame has {frame.Length} bytes, not {gray.Length}", nameof(gray));
        }

        gray.CopyTo(frame);
        var hits = new List<CodeHit>();
        if (qrReader is not null)
        {
            var image = new BinaryBitmap(new HybridBinarizer(new SampledLuminance(frame, width, height, 1, false)));
            foreach (var result in qrReader.decodeMultiple(image, qrHints) ?? [])
            {
                var points = result.ResultPoints?.Where(p => p is not null).ToArray() ?? [];
                if (points.Length > 0)
                {
                    var module = points.OfType<FinderPattern>().Select(f => f.EstimatedModuleSize).DefaultIfEmpty(1f).Average();
                    hits.Add(Box("QRCode", result.Text, points.Min(p => p.X) - (3.5 * module), points.Min(p => p.Y) - (3.5 * module),
                        points.Max(p => p.X) + (3.5 * module), points.Max(p => p.Y) + (3.5 * module), width, height));
                }
            }
        }

        if (barReader is not null)
        {
            var texts = new HashSet<string>(StringComparer.Ordinal);
            hits.AddRange(ScanBars(barReader, transposed: false, texts));
            hits.AddRange(ScanBars(barReader, transposed: true, texts));
        }

        return hits;
    }

    /// <summary>The barcodes of one sampled view, boxed in frame pixels; <paramref name="texts"/> drops a code already found.</summary>
    private List<CodeHit> ScanBars(MultiFormatOneDReader reader, bool transposed, HashSet<string> texts)
    {
        var found = new List<(string Text, float U1, float U2, float V)>();
        var view = new SampledLuminance(frame, width, height, BarStep, transposed);
        Search(reader, new BinaryBitmap(new HybridBinarizer(view)), 0, 0, texts, found);
        if (found.Count == 0)
        {
            return [];
        }

        // A turned code is boxed on the transposed frame, where its bars stand upright, then turned back.
        var (plane, planeWidth, planeHeight) = transposed ? (Transpose(frame, width, height), height, width) : (frame, width, height);
        var hits = new List<CodeHit>();
        foreach (var (text, u1, u2, v) in found)
        {
            var line = Math.Clamp((int)Math.Round(v * BarStep), 0, planeHeight - 1);
            var (a1, a2) = BarEnds(plane, planeWidth, line, (int)Math.Round(u1), (int)Math.Round(u2));
            var (b1, b2) = BarRows(plane, planeWidth, planeHeight, a1, a2, line);
            hits.Add(transposed ? Box("BarCode", text, b1, a1, b2, a2, width, height) : Box("BarCode", text, a1, b1, a2, b2, width, height));
        }

        return hits;
    }

    /// <summary>
    /// ZXing's GenericMultipleBarcodeReader recursion (decode, then search left of, above, right of and below the hit),
    /// with its minimum side in frame pixels across the sampled lines. Hits are (text, scan line ends, scan line) in
    /// view coordinates.
    /// </summary>
    private void Search(MultiFormatOneDReader reader, BinaryBitmap image, int uOffset, int vOffset, HashSet<string> texts,
        List<(string Text, float U1, float U2, float V)> found)
    {
        var result = reader.decode(image, barHints);
        var points = result?.ResultPoints?.Where(p => p is not null).ToArray() ?? [];
        if (result is null || points.Length == 0 || !texts.Add(result.Text))
        {
            return;
        }

        var (minU, maxU) = (points.Min(p => p.X), points.Max(p => p.X));
        var (minV, maxV) = (points.Min(p => p.Y), points.Max(p => p.Y));
        found.Add((result.Text, minU + uOffset, maxU + uOffset, ((minV + maxV) / 2) + vOffset));
        var minLines = (MinDimensionToRecur + BarStep - 1) / BarStep;
        if (minU > MinDimensionToRecur)
        {
            Search(reader, image.crop(0, 0, (int)minU, image.Height), uOffset, vOffset, texts, found);
        }

        if (minV > minLines)
        {
            Search(reader, image.crop(0, 0, image.Width, (int)minV), uOffset, vOffset, texts, found);
        }

        if (maxU < image.Width - MinDimensionToRecur)
        {
            Search(reader, image.crop((int)maxU, 0, image.Width - (int)maxU, image.Height), uOffset + (int)maxU, vOffset, texts, found);
        }

        if (maxV < image.Height - minLines)
        {
            Search(reader, image.crop(0, (int)maxV, image.Width, image.Height - (int)maxV), uOffset, vOffset + (int)maxV, texts, found);
        }
    }

    private static byte[] Transpose(byte[] gray, int width, int height)
    {
        var turned = new byte[gray.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                turned[(x * height) + y] = gray[(y * width) + x];
            }
        }

        return turned;
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
