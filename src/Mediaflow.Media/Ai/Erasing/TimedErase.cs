namespace Mediaflow.Media.Ai.Erasing;

/// <summary>
/// One area removed over a time range: <see cref="Start"/>..<see cref="End"/> seconds from the first frame (End null = to
/// the end; 0/null = the whole video), with <see cref="Fill"/>. <see cref="Kind"/> (watermark, subtitle, face) and
/// <see cref="Text"/> (what OCR read there) are reported, not used.
/// </summary>
public sealed record TimedErase(EraseRegion Region, double Start, double? End, EraseFill Fill, string Kind, bool Detected, string? Text = null);
