using OpenCvSharp;

namespace Mediaflow.Media.Ai;

/// <summary>
/// Frontal-face detection with OpenCV's Haar cascade (apt <c>opencv-data</c>) through OpenCvSharp, and the normalized
/// crop the recognizer is trained and queried with. The cascade is not thread-safe: calls are serialized.
/// </summary>
public sealed class FaceDetector(AiOptions options) : IDisposable
{
    public const int CropSize = 100;

    private readonly Lock gate = new();
    private CascadeClassifier? cascade;

    /// <summary>Faces in a grey image, largest first.</summary>
    public IReadOnlyList<Rect> Detect(Mat gray)
    {
        ArgumentNullException.ThrowIfNull(gray);
        lock (gate)
        {
            cascade ??= Load();
            var min = Math.Max(24, Math.Min(gray.Width, gray.Height) / 20);
            return [.. cascade.DetectMultiScale(gray, 1.1, 5, HaarDetectionTypes.ScaleImage, new Size(min, min)).OrderByDescending(r => r.Width * r.Height)];
        }
    }

    /// <summary>The normalized crop of the largest face of an encoded image (JPEG/PNG), or null when it shows no face; not an image → null too.</summary>
    public byte[]? CropLargestFace(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var gray = Cv2.ImDecode(encoded, ImreadModes.Grayscale);
        if (gray.Empty())
        {
            return null;
        }

        var faces = Detect(gray);
        if (faces.Count == 0)
        {
            return null;
        }

        using var crop = Normalize(gray, faces[0]);
        return crop.ToBytes(".png");
    }

    /// <summary>The face region scaled to <see cref="CropSize"/> and histogram-equalized (brightness changes cancel out).</summary>
    public static Mat Normalize(Mat gray, Rect face)
    {
        ArgumentNullException.ThrowIfNull(gray);
        using var region = new Mat(gray, face);
        var crop = region.Resize(new Size(CropSize, CropSize), 0, 0, InterpolationFlags.Area);
        Cv2.EqualizeHist(crop, crop);
        return crop;
    }

    private CascadeClassifier Load()
    {
        if (!File.Exists(options.FaceCascadePath))
        {
            throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"face cascade {options.FaceCascadePath} is missing (apt opencv-data)");
        }

        return new CascadeClassifier(options.FaceCascadePath);
    }

    public void Dispose()
    {
        cascade?.Dispose();
    }
}
