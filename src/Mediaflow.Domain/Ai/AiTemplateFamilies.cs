using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// The media-AI template families on the generic template machinery (<see cref="TemplateFamily{T}"/>). Preset ids are
/// ours (the spec's list is not public, §14): AI recognition 10 = OCR + ASR full text, 20 = OCR full text + words,
/// 30 = ASR full text + words.
/// </summary>
public static class AiTemplateFamilies
{
    private const string PresetComment = "System preset";

    public static readonly TemplateFamily<AiRecognitionTemplate> AiRecognition = new()
    {
        Name = "AIRecognition",
        MaxPerAccount = 50,
        Validate = AiRecognitionTemplateRules.Validate,
        UsedBy = para => para.AiRecognitionTask?.Definition,
        Presets =
        [
            new()
            {
                Definition = 10, Name = "OCR-and-ASR-full-text", Comment = PresetComment, Type = TemplateType.Preset,
                OcrFullTextConfigure = On(), AsrFullTextConfigure = On(),
            },
            new() { Definition = 20, Name = "OCR-full-text-and-words", Comment = PresetComment, Type = TemplateType.Preset, OcrFullTextConfigure = On(), OcrWordsConfigure = On() },
            new() { Definition = 30, Name = "ASR-full-text-and-words", Comment = PresetComment, Type = TemplateType.Preset, AsrFullTextConfigure = On(), AsrWordsConfigure = On() },
        ],
    };

    private static RecognitionConfigure On() => new() { Switch = AiSwitch.On };
}
