namespace Mediaflow.Media.Ai;

/// <summary>One word Tesseract read: the image it is on (1-based page), its line, box (pixels) and confidence (0–100).</summary>
public sealed record OcrWord(int Page, int Block, int Paragraph, int Line, int Left, int Top, int Width, int Height, double Confidence, string Text)
{
    public (int Page, int Block, int Paragraph, int Line) LineKey => (Page, Block, Paragraph, Line);
}
