namespace Mediaflow.Domain.Ai;

/// <summary>
/// The configurable ONNX models (configuration <c>Ai:Models:&lt;Name&gt;:Path</c> and <c>…:Labels</c>): a switch that
/// needs one is refused unless the model is configured (docs/media-ai-analysis.md).
/// </summary>
public static class AiModelNames
{
    public const string Classification = "Classification";
    public const string FrameTag = "FrameTag";
    public const string ImageReview = "ImageReview";
}
