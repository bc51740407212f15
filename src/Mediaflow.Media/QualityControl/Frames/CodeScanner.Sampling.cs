using ZXing;

namespace Mediaflow.Media.QualityControl.Frames;

public sealed partial class CodeScanner
{
    /// <summary>
    /// A luminance view, without a copy, of a gray frame sampled across its bars: every <c>step</c>-th row (or, when
    /// <c>transposed</c>, every <c>step</c>-th column, read top to bottom as a row) at full resolution along it. ZXing's
    /// 1D readers binarize and decode each row on its own, so a sampled row reads exactly as the same frame row would.
    /// Pixel (u, v) of the view is frame pixel (u, v·step), or (v·step, u) transposed. Cropping is supported (the
    /// multi-code search crops); rotation is not (<see cref="CodeScanner"/> scans the transposed view itself).
    /// </summary>
    private sealed class SampledLuminance : LuminanceSource
    {
        private readonly byte[] gray;
        private readonly int stride;
        private readonly int step;
        private readonly bool transposed;
        private readonly int left;
        private readonly int top;

        public SampledLuminance(byte[] gray, int frameWidth, int frameHeight, int step, bool transposed)
            : this(gray, frameWidth, step, transposed, 0, 0,
                transposed ? frameHeight : frameWidth, ((transposed ? frameWidth : frameHeight) + step - 1) / step)
        {
        }

        private SampledLuminance(byte[] gray, int stride, int step, bool transposed, int left, int top, int width, int height)
            : base(width, height)
        {
            (this.gray, this.stride, this.step, this.transposed, this.left, this.top) = (gray, stride, step, transposed, left, top);
        }

        public override bool CropSupported => true;

        public override byte[] Matrix
        {
            get
            {
                if (!transposed && step == 1 && left == 0 && top == 0 && Width == stride && Height * stride == gray.Length)
                {
                    return gray;
                }

                var matrix = new byte[Width * Height];
                var row = new byte[Width];
                for (var y = 0; y < Height; y++)
                {
                    Array.Copy(getRow(y, row), 0, matrix, y * Width, Width);
                }

                return matrix;
            }
        }

        public override byte[] getRow(int y, byte[] row)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(y);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
            if (row is null || row.Length < Width)
            {
                row = new byte[Width];
            }

            var v = (top + y) * step;
            if (!transposed)
            {
                Array.Copy(gray, (v * stride) + left, row, 0, Width);
            }
            else
            {
                for (var u = 0; u < Width; u++)
                {
                    row[u] = gray[((left + u) * stride) + v];
                }
            }

            return row;
        }

        public override LuminanceSource crop(int left, int top, int width, int height) =>
            new SampledLuminance(gray, stride, step, transposed, this.left + left, this.top + top, width, height);
    }
}
