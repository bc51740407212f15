using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// The smart subtitle template family (<c>Create/Modify/Delete/DescribeSmartSubtitleTemplates</c>). Presets (ours, the
/// spec's list is not public): 10 = English speech → WebVTT, 11 = English speech → SRT, 20 = on-screen text (Chinese and
/// English) → WebVTT, 21 = on-screen text → SRT.
/// </summary>
public static class SmartSubtitleTemplates
{
    public const string Name = "SmartSubtitle";

    public static readonly IReadOnlyList<SmartSubtitleTemplate> Presets =
    [
        Preset(10, "ASR-en-vtt", SmartSubtitleRules.Asr, "en", "vtt"),
        Preset(11, "ASR-en-srt", SmartSubtitleRules.Asr, "en", "srt"),
        Preset(20, "OCR-zh_en-vtt", SmartSubtitleRules.Ocr, "zh_en", "vtt"),
        Preset(21, "OCR-zh_en-srt", SmartSubtitleRules.Ocr, "zh_en", "srt"),
    ];

    /// <param name="asrLanguages">What the configured speech engine reads (<c>SpeechRecognizer.Languages</c>).</param>
    public static TemplateFamily<SmartSubtitleTemplate> Family(IReadOnlySet<string> asrLanguages) => new()
    {
        Name = Name,
        MaxPerAccount = 50,
        Validate = template => SmartSubtitleRules.ValidateTemplate(template, asrLanguages),
        UsedBy = para => para.SmartSubtitlesTask?.Definition is { } definition and not 0 ? definition : null,
        Presets = Presets,
        HotwordsLibraryOf = template => template.AsrHotWordsConfigure?.LibraryId is { Length: > 0 } id ? id : null,
    };

    private static SmartSubtitleTemplate Preset(long definition, string name, long processType, string language, string format) => new()
    {
        Definition = definition, Name = name, AliasName = name, Comment = "System preset", Type = TemplateType.Preset,
        ProcessType = processType, VideoSrcLanguage = language, SubtitleType = 0, SubtitleFormat = format, TranslateSwitch = AiSwitch.Off,
    };
}
