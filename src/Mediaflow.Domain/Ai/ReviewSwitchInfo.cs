using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// One review switch of a content-review template (SDK <c>PornImgReviewTemplateInfo</c>, <c>PornAsrReviewTemplateInfo</c>,
/// <c>…OcrReviewTemplateInfo</c>): ON/OFF, the image labels, and the scores (0–100) from which a hit is blocked or
/// sent to review. Absent scores take the spec's defaults for that switch (<see cref="ContentReviewLabels"/>).
/// </summary>
public sealed record ReviewSwitchInfo
{
    public string? Switch { get; init; }

    /// <summary>Image review only: the model labels reported (empty = all).</summary>
    public IReadOnlyList<string>? LabelSet { get; init; }

    public double? BlockConfidence { get; init; }
    public double? ReviewConfidence { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }

    [JsonIgnore]
    public bool IsOn => Switch == AiSwitch.On;
}
