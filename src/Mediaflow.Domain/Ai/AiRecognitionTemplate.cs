using System.Text.Json;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// AI recognition template (reference/mps-api.md §13.9, <c>AIRecognitionTemplateItem</c>): which recognitions an
/// <c>action-AIRecognition</c> node runs. Rules and refused switches: <see cref="AiRecognitionTemplateRules"/>, docs/media-ai.md.
/// </summary>
public sealed record AiRecognitionTemplate : IStoredTemplate<AiRecognitionTemplate>
{
    public long Definition { get; init; }
    public string Name { get; init; } = "";
    public string Comment { get; init; } = "";
    public string Type { get; init; } = TemplateType.Custom;
    public FaceConfigureInfo? FaceConfigure { get; init; }
    public RecognitionConfigure? OcrFullTextConfigure { get; init; }
    public RecognitionConfigure? OcrWordsConfigure { get; init; }
    public RecognitionConfigure? AsrFullTextConfigure { get; init; }
    public RecognitionConfigure? AsrWordsConfigure { get; init; }
    public RecognitionConfigure? TranslateConfigure { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>Members of the spec's newer models this build does not run (ObjectConfigure …): refused by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? NotYetSupported { get; init; }

    [JsonIgnore]
    public bool Face => FaceConfigure?.Switch == AiSwitch.On;

    [JsonIgnore]
    public bool OcrFullText => OcrFullTextConfigure?.Switch == AiSwitch.On;

    [JsonIgnore]
    public bool OcrWords => OcrWordsConfigure?.Switch == AiSwitch.On;

    [JsonIgnore]
    public bool AsrFullText => AsrFullTextConfigure?.Switch == AiSwitch.On;

    [JsonIgnore]
    public bool AsrWords => AsrWordsConfigure?.Switch == AiSwitch.On;

    public AiRecognitionTemplate AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        this with { Definition = definition, Type = TemplateType.Custom, CreateTime = createTime, UpdateTime = updateTime };
}
