using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// Rules of smart subtitle templates and raw parameters (docs/media-ai-subtitles.md): <c>ProcessType</c> 0 ASR or 2 OCR
/// (1, pure subtitle-file translation, needs a translation engine: none is configured, refused); <c>SubtitleType</c> 0
/// (source language) only, <c>TranslateSwitch</c> OFF and no <c>TranslateDstLanguage</c> for the same reason;
/// <c>VideoSrcLanguage</c> one the speech engine reads (en for Sphinx; en, zh with Whisper) or, for OCR, what Tesseract
/// reads here (zh_en, zh, en); <c>SubtitleFormat</c> srt|vtt (required for OCR; empty = no file for ASR); hot words only
/// for ASR; subtitle areas, embedding (SubtitleEmbedId) and speaker identification refused.
/// </summary>
public static class SmartSubtitleRules
{
    public const long Asr = 0;
    public const long PureSubtitleTranslation = 1;
    public const long Ocr = 2;

    /// <summary>The ASR languages any configuration can read (save-time check of raw parameters; the node checks the running engine).</summary>
    public static readonly IReadOnlySet<string> AnyAsrLanguage = new HashSet<string>(StringComparer.Ordinal) { "en", "zh" };

    public static readonly IReadOnlySet<string> OcrLanguages = new HashSet<string>(StringComparer.Ordinal) { "zh_en", "zh", "en" };

    private const string NoTranslation = "this server has no translation engine configured (subtitles are in the source language only)";

    public static void ValidateTemplate(SmartSubtitleTemplate template, IReadOnlySet<string> asrLanguages)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (string.IsNullOrEmpty(template.Name))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Name is required");
        }

        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        Validate(template, asrLanguages);
    }

    public static void Validate(ISmartSubtitleParameters parameters, IReadOnlySet<string> asrLanguages)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(asrLanguages);
        var field = parameters.NotYetSupported?.FirstOrDefault(kv => kv.Value.ValueKind != JsonValueKind.Null && !(kv.Value.ValueKind == JsonValueKind.String && kv.Value.GetString() == "")).Key;
        if (field is not null)
        {
            throw Refuse(field, $"{field} is not implemented by this server.");
        }

        var processType = parameters.ProcessType ?? Asr;
        switch (processType)
        {
            case Asr or Ocr:
                break;
            case PureSubtitleTranslation:
                throw Refuse("ProcessType", $"ProcessType 1 (pure subtitle translation) is refused: {NoTranslation}.");
            default:
                throw Refuse("ProcessType", "ProcessType must be 0 (ASR), 1 (subtitle translation) or 2 (OCR).");
        }

        switch (parameters.SubtitleType)
        {
            case null:
                throw new ApiException(ApiErrorCodes.MissingParameter, "SubtitleType is required");
            case 0:
                break;
            case 1 or 2:
                throw Refuse("SubtitleType", $"SubtitleType {parameters.SubtitleType} needs translation: {NoTranslation}; use 0.");
            default:
                throw Refuse("SubtitleType", "SubtitleType must be 0, 1 or 2.");
        }

        if (parameters.TranslateSwitch is { Length: > 0 } translate && translate != AiSwitch.Off)
        {
            throw Refuse("TranslateSwitch", translate == AiSwitch.On ? $"TranslateSwitch ON is refused: {NoTranslation}." : "TranslateSwitch must be ON or OFF.");
        }

        if (!string.IsNullOrEmpty(parameters.TranslateDstLanguage))
        {
            throw Refuse("TranslateDstLanguage", $"TranslateDstLanguage is refused: {NoTranslation}.");
        }

        var language = parameters.VideoSrcLanguage;
        if (string.IsNullOrEmpty(language))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "VideoSrcLanguage is required");
        }

        var readable = processType == Ocr ? OcrLanguages : asrLanguages;
        if (!readable.Contains(language))
        {
            var engine = processType == Ocr ? "OCR (Tesseract: English and Simplified Chinese)" : "speech recognition on this server";
            throw Refuse("VideoSrcLanguage", $"VideoSrcLanguage {language} cannot be read by {engine}; use one of {string.Join(", ", readable.Order(StringComparer.Ordinal))}.");
        }

        switch (parameters.SubtitleFormat)
        {
            case "srt" or "vtt":
                break;
            case null or "" when processType == Asr:
                break; // ASR without a file: the segments only
            case null or "":
                throw new ApiException(ApiErrorCodes.MissingParameter, "SubtitleFormat (srt or vtt) is required for OCR subtitles");
            default:
                throw Refuse("SubtitleFormat", "SubtitleFormat must be srt or vtt.");
        }

        ValidateHotWords(parameters.AsrHotWordsConfigure, processType);
        if (parameters.SelectingSubtitleAreasConfig is { ValueKind: not JsonValueKind.Null })
        {
            throw Refuse("SelectingSubtitleAreasConfig", "SelectingSubtitleAreasConfig is not implemented: OCR reads the whole frame.");
        }

        if (parameters.SubtitleEmbedId is not (null or 0))
        {
            throw Refuse("SubtitleEmbedId", "SubtitleEmbedId (burning the subtitles in) is not implemented; use a transcode node with SubtitleTemplate.");
        }

        if (parameters.SpeakerMode is not (null or 0) || parameters.SpeakerLabel is not (null or 0))
        {
            throw Refuse(parameters.SpeakerMode is not (null or 0) ? "SpeakerMode" : "SpeakerLabel", "speaker identification is not implemented by this server; use 0.");
        }
    }

    private static void ValidateHotWords(AsrHotWordsConfigure? hotWords, long processType)
    {
        if (hotWords is null || hotWords.Switch is null or "" or AiSwitch.Off)
        {
            return;
        }

        if (hotWords.Switch != AiSwitch.On)
        {
            throw Refuse("AsrHotWordsConfigure.Switch", "AsrHotWordsConfigure.Switch must be ON or OFF.");
        }

        if (processType == Ocr)
        {
            throw Refuse("AsrHotWordsConfigure", "hot words apply to speech recognition (ProcessType 0), not to OCR.");
        }

        if (string.IsNullOrEmpty(hotWords.LibraryId))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "AsrHotWordsConfigure.LibraryId is required when Switch is ON");
        }
    }

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
