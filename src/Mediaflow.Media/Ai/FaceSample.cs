namespace Mediaflow.Media.Ai;

/// <summary>A registered face: its person and the normalized crop (PNG, <see cref="FaceDetector.CropSize"/> square, grey, equalized).</summary>
public sealed record FaceSample(string PersonId, string PersonName, byte[] Crop);
