using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// The switches of one review label (<c>PornConfigure</c>, <c>TerrorismConfigure</c>, <c>PoliticalConfigure</c>,
/// <c>ProhibitedConfigure</c>): picture, speech (ASR) and on-screen text (OCR). Not every label has all three
/// (<see cref="ContentReviewLabels"/>); a member the label lacks is refused.
/// </summary>
public sealed record ContentReviewConfigure
{
    public ReviewSwitchInfo? ImgReviewInfo { get; init; }
    public ReviewSwitchInfo? AsrReviewInfo { get; init; }
    public ReviewSwitchInfo? OcrReviewInfo { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }
}
