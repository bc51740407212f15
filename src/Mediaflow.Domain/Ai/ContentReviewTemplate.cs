using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// Content review template (reference/mps-api.md §13.9, SDK <c>ContentReviewTemplateItem</c>): per label the picture,
/// speech and text switches with their thresholds (docs/media-ai-review.md).
/// </summary>
public sealed record ContentReviewTemplate : IStoredTemplate<ContentReviewTemplate>
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;

    public ContentReviewConfigure? PornConfigure { get; init; }
    public ContentReviewConfigure? TerrorismConfigure { get; init; }
    public ContentReviewConfigure? PoliticalConfigure { get; init; }
    public ContentReviewConfigure? ProhibitedConfigure { get; init; }

    /// <summary>Review against the account's own libraries by label: not implemented (refused when a switch in it is ON).</summary>
    public JsonElement? UserDefineConfigure { get; init; }

    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }

    public ContentReviewTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
