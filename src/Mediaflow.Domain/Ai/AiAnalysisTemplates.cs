using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// The AI analysis template family (<c>Create/Modify/Delete/DescribeAIAnalysisTemplates</c>). Its rules depend on the
/// models the server has configured, so the family is built once at composition from <see cref="AiModels"/>. Presets
/// are our own ids (the spec's list was not retrievable, §14).
/// </summary>
public static class AiAnalysisTemplates
{
    public const string FamilyName = "AIAnalysis";

    private static readonly AiSwitch On = new() { Switch = AiSwitch.On };
    private static readonly AiSwitch Off = new() { Switch = AiSwitch.Off };

    public static readonly IReadOnlyList<AiAnalysisTemplate> Presets =
    [
        Preset(10, "Cover-Segment-Highlight-HeadTail", cover: true, segment: true, highlight: true, headTail: true),
        Preset(20, "Cover", cover: true, segment: false, highlight: false, headTail: false),
        Preset(30, "Segment-HeadTail", cover: false, segment: true, highlight: false, headTail: true),
    ];

    public static TemplateFamily<AiAnalysisTemplate> Family(AiModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return new TemplateFamily<AiAnalysisTemplate>
        {
            Name = FamilyName,
            MaxPerAccount = 100,
            Validate = template => AiAnalysisTemplateRules.Validate(template, models),
            UsedBy = para => para.AiAnalysisTask?.Definition,
            Presets = Presets,
        };
    }

    private static AiAnalysisTemplate Preset(long definition, string name, bool cover, bool segment, bool highlight, bool headTail) => new()
    {
        Definition = definition,
        Name = name,
        Comment = "System preset",
        Type = TemplateType.Preset,
        ClassificationConfigure = Off,
        TagConfigure = Off,
        CoverConfigure = cover ? On : Off,
        FrameTagConfigure = Off,
        MfSegmentConfigure = segment ? On : Off,
        MfHighlightConfigure = highlight ? On : Off,
        MfHeadTailConfigure = headTail ? On : Off,
    };
}
