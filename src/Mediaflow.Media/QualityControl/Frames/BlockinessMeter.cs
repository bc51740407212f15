namespace Mediaflow.Media.QualityControl.Frames;

/// <summary>
/// Pure: codec blockiness of one 8-bit gray picture on the 8×8 grid of the coded picture. Every 8-pixel segment of a
/// block boundary is compared with the 14 pixel steps inside the two blocks it separates, line by line: the segment is
/// <em>blocky</em> when its mean boundary step is visible (≥ 1.5 codes), not a real edge (≤ 24 codes) and more than
/// twice the blocks' inner step plus one code (a smooth block pair with a step between them, as coarse quantisation
/// leaves), and <em>active</em> when it or its blocks have any detail (step ≥ 1.5 or inner ≥ 0.5). A block is blocky
/// when a vertical <em>and</em> a horizontal boundary of it are blocky — quantisation steps a block off its neighbours in
/// both directions, while an object edge that happens to lie on the grid (testsrc2's shapes, colour bars, even at low
/// contrast) is a line in one direction. The score is the percentage of active blocks (any active boundary) that are
/// blocky: flat areas do not dilute it.
/// </summary>
public static class BlockinessMeter
{
    public const int Block = 8;
    private const double MinStep = 1.5, MaxStep = 24, MinInner = 0.5;

    public static double Score(ReadOnlySpan<byte> gray, int width, int height)
    {
        if (gray.Length != width * height)
        {
            throw new ArgumentException($"a {width}×{height} gray frame has {width * height} bytes, not {gray.Length}", nameof(gray));
        }

        int columns = width / Block, rows = height / Block;
        if (columns < 2 || rows < 2)
        {
            return 0;
        }

        // vertical[r, k]: the boundary left of block column k in block row r (k = 0 and k = columns are frame edges).
        var vertical = Segments(gray, rows, columns, 1, width);

        // horizontal[c, k]: the boundary above block row k in block column c (the transposed walk).
        var horizontal = Segments(gray, columns, rows, width, 1);
        int blocky = 0, active = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                Segment left = vertical[r, c], right = vertical[r, c + 1], top = horizontal[c, r], bottom = horizontal[c, r + 1];
                if (left.Active || right.Active || top.Active || bottom.Active)
                {
                    active++;
                    if ((left.Blocky || right.Blocky) && (top.Blocky || bottom.Blocky))
                    {
                        blocky++;
                    }
                }
            }
        }

        return active == 0 ? 0 : Math.Round(100.0 * blocky / active, 2);
    }

    private readonly record struct Segment(bool Active, bool Blocky);

    /// <summary>
    /// The boundary segments across the "along" axis: pixel (a, c) is at <c>a × alongStride + c × crossStride</c>; the
    /// boundary k lies between a = 8k − 1 and 8k; its segment in cross block j covers c = 8j … 8j + 7.
    /// </summary>
    private static Segment[,] Segments(ReadOnlySpan<byte> p, int crossBlocks, int alongBlocks, int alongStride, int crossStride)
    {
        var segments = new Segment[crossBlocks, alongBlocks + 1];
        for (var k = 1; k < alongBlocks; k++)
        {
            var boundary = k * Block;
            for (var j = 0; j < crossBlocks; j++)
            {
                double step = 0, inner = 0;
                for (var c = j * Block; c < (j + 1) * Block; c++)
                {
                    var line = c * crossStride;
                    step += Math.Abs(p[line + (boundary * alongStride)] - p[line + ((boundary - 1) * alongStride)]);
                    for (var a = boundary - Block; a < boundary + Block - 1; a++)
                    {
                        if (a != boundary - 1)
                        {
                            inner += Math.Abs(p[line + ((a + 1) * alongStride)] - p[line + (a * alongStride)]);
                        }
                    }
                }

                step /= Block;
                inner /= Block * ((2 * Block) - 2);
                var isActive = step >= MinStep || inner >= MinInner;
                segments[j, k] = new Segment(isActive, isActive && step >= MinStep && step <= MaxStep && step > (2 * inner) + 1);
            }
        }

        return segments;
    }
}
