namespace Mediaflow.Domain.Ai;

/// <summary>One registered face of a person sample: its id and the normalized face crop (base64 PNG) recognition trains on.</summary>
public sealed record PersonFace(string FaceId, string Crop);
