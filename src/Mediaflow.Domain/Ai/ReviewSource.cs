namespace Mediaflow.Domain.Ai;

/// <summary>What a review switch looks at: the picture (a configured model), the speech (ASR) or the on-screen text (OCR).</summary>
public enum ReviewSource
{
    Img,
    Asr,
    Ocr,
}
