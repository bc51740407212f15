using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Transcoding;

/// <summary>
/// Output frame size of a transcode, computed from the displayed source size (rotation applied) and the template.
/// Rules (reference/mps-api.md §13.1):
/// <list type="bullet">
/// <item>ResolutionAdaptive <c>open</c> (default): Width is the long side, Height the short side, whatever the source
/// orientation (a portrait source gets Width as its height); <c>close</c>: Width and Height are literal.</item>
/// <item>0/0 = source size; one 0 = keep the source aspect ratio.</item>
/// <item>Both given: FillType <c>stretch</c> scales to exactly that size; <c>black</c> (default) scales to fit inside
/// it and pads with black, centred; <c>smarttailor</c> scales to cover it (aspect kept) and crops the overflow
/// equally from both sides (crop to fill).</item>
/// <item>Every dimension is even (yuv420p needs it): computed ones are rounded to the nearest even number, given
/// ones rounded down.</item>
/// </list>
/// </summary>
public sealed record OutputGeometry(long Width, long Height, long ScaledWidth, long ScaledHeight, long PadX, long PadY)
{
    /// <summary>The picture is smaller than the frame and is padded.</summary>
    public bool Padded => ScaledWidth < Width || ScaledHeight < Height;

    /// <summary>The picture is larger than the frame (FillType smarttailor) and is cropped at (CropX, CropY).</summary>
    public bool Cropped => ScaledWidth > Width || ScaledHeight > Height;

    public long CropX { get; init; }
    public long CropY { get; init; }

    public static OutputGeometry Compute(long sourceWidth, long sourceHeight, VideoTemplateInfo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceHeight);
        var width = video.Width ?? 0;
        var height = video.Height ?? 0;
        if (video.ResolutionAdaptive != "close" && sourceHeight > sourceWidth)
        {
            (width, height) = (height, width);
        }

        if (width == 0 && height == 0)
        {
            return Exact(Even(sourceWidth), Even(sourceHeight));
        }

        if (width == 0)
        {
            var evenHeight = EvenDown(height);
            return Exact(Even(evenHeight * (double)sourceWidth / sourceHeight), evenHeight);
        }

        if (height == 0)
        {
            var evenWidth = EvenDown(width);
            return Exact(evenWidth, Even(evenWidth * (double)sourceHeight / sourceWidth));
        }

        var frameWidth = EvenDown(width);
        var frameHeight = EvenDown(height);
        if (video.FillType == "stretch")
        {
            return Exact(frameWidth, frameHeight);
        }

        if (video.FillType == "smarttailor")
        {
            var cover = Math.Max(frameWidth / (double)sourceWidth, frameHeight / (double)sourceHeight);
            var coverWidth = Math.Max(frameWidth, Even(sourceWidth * cover));
            var coverHeight = Math.Max(frameHeight, Even(sourceHeight * cover));
            return Exact(frameWidth, frameHeight) with
            {
                ScaledWidth = coverWidth,
                ScaledHeight = coverHeight,
                CropX = EvenDown((coverWidth - frameWidth) / 2),
                CropY = EvenDown((coverHeight - frameHeight) / 2),
            };
        }

        var factor = Math.Min(frameWidth / (double)sourceWidth, frameHeight / (double)sourceHeight);
        var scaledWidth = Math.Min(frameWidth, Even(sourceWidth * factor));
        var scaledHeight = Math.Min(frameHeight, Even(sourceHeight * factor));
        return new OutputGeometry(frameWidth, frameHeight, scaledWidth, scaledHeight,
            EvenDown((frameWidth - scaledWidth) / 2), EvenDown((frameHeight - scaledHeight) / 2));
    }

    private static OutputGeometry Exact(long width, long height) => new(width, height, width, height, 0, 0);

    private static long Even(double value) => Math.Max(2, 2 * (long)Math.Round(value / 2, MidpointRounding.AwayFromZero));

    private static long EvenDown(long value) => value <= 1 ? 0 : value - (value % 2);
}
