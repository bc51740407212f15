namespace Mediaflow.Media.Ai;

/// <summary>Settings of the media-AI engines (configuration section <c>Ai</c>; docs/media-ai.md).</summary>
public sealed record AiOptions
{
    /// <summary>Tesseract CLI (Debian <c>tesseract-ocr</c>); a bare name is looked up on PATH.</summary>
    public string TesseractPath { get; init; } = "tesseract";

    /// <summary>Tesseract languages (<c>-l</c>): English and Simplified Chinese (Debian <c>tesseract-ocr-eng</c>, <c>tesseract-ocr-chi-sim</c>).</summary>
    public string OcrLanguages { get; init; } = "eng+chi_sim";

    /// <summary>Frames OCR reads per second of video.</summary>
    public int OcrFramesPerSecond { get; init; } = 2;

    /// <summary>Frames are scaled down to at most this width before OCR.</summary>
    public int OcrMaxWidth { get; init; } = 1280;

    /// <summary>Words read with a lower Tesseract confidence (0–100) are dropped.</summary>
    public double OcrMinConfidence { get; init; } = 60;

    /// <summary>CMU Sphinx CLI (Debian <c>pocketsphinx</c>, model <c>pocketsphinx-en-us</c>); a bare name is looked up on PATH.</summary>
    public string PocketsphinxPath { get; init; } = "pocketsphinx_continuous";

    /// <summary>Whisper instead of Sphinx when a model file is configured (<c>Ai:Whisper:ModelPath</c>).</summary>
    public Whisper.WhisperOptions Whisper { get; init; } = new();

    /// <summary>OpenCV frontal-face Haar cascade (apt <c>opencv-data</c>).</summary>
    public string FaceCascadePath { get; init; } = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

    /// <summary>Frames face recognition looks at per second of video.</summary>
    public int FaceFramesPerSecond { get; init; } = 2;

    /// <summary>Kill a recognizer that runs longer than this per second of media (plus one minute).</summary>
    public double MaxSecondsPerMediaSecond { get; init; } = 10;
}
