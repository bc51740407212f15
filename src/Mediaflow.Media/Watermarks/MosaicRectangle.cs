namespace Mediaflow.Media.Watermarks;

/// <summary>A mosaic region in pixels of the output frame.</summary>
public sealed record MosaicRectangle(long X, long Y, long Width, long Height);
