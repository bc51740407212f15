namespace Mediaflow.Domain.Ai;

/// <summary>
/// One enabled review switch of a template: label × source with its effective thresholds (0–100; a hit scoring at
/// least <see cref="BlockConfidence"/> is <c>block</c>, at least <see cref="ReviewConfidence"/> is <c>review</c>).
/// </summary>
public sealed record ReviewCheck(string Label, ReviewSource Source, double BlockConfidence, double ReviewConfidence, IReadOnlyList<string> LabelSet)
{
    /// <summary><c>AiContentReviewResult.Type</c>: <c>Porn</c> for the picture, <c>Porn.Asr</c>, <c>Porn.Ocr</c> for text.</summary>
    public string ResultType => Source == ReviewSource.Img ? Label : $"{Label}.{Source}";

    /// <summary>The result member that carries it: <c>PornTask</c>, <c>PornAsrTask</c>, <c>PornOcrTask</c> …</summary>
    public string TaskMember => Label + (Source == ReviewSource.Img ? "" : Source.ToString()) + "Task";

    public string Suggestion(double confidence) =>
        confidence >= BlockConfidence ? "block" : confidence >= ReviewConfidence ? "review" : "pass";
}
