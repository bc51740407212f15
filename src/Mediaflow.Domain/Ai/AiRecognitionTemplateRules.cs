using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Ai;

/// <summary>
/// What an AI recognition template may ask of this server (DESIGN §7.5; docs/media-ai.md): OCR full text and words
/// (Tesseract), ASR full text and words (CMU Sphinx, English), face recognition against the account's person samples
/// (OpenCV). OCR/ASR words may be narrowed to the account's recognition keywords by <c>LabelSet</c>.
/// Everything else — public-figure libraries, translation, object recognition — is refused
/// naming the field.
/// </summary>
public static class AiRecognitionTemplateRules
{
    /// <summary>Keyword recognition's <c>LabelSet</c>: at most 10 labels (word-sample tags) of at most 16 characters.</summary>
    public const int MaxLabels = 10;
    public const int MaxLabelLength = 16;

    /// <summary>Languages the ASR engines take (<c>SourceLanguage</c>); empty means English.</summary>
    public static readonly IReadOnlySet<string> AsrLanguages = new HashSet<string>(StringComparer.Ordinal) { "", "en" };

    public static void Validate(AiRecognitionTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateTextRules.ValidateNameAndComment(template.Name, template.Comment);
        RefuseUnknown(template.NotYetSupported, "");
        ValidateFace(template.FaceConfigure);
        ValidateSwitch("OcrFullTextConfigure", template.OcrFullTextConfigure, allowLabels: false, allowSubtitle: false, allowLanguage: false);
        ValidateSwitch("OcrWordsConfigure", template.OcrWordsConfigure, allowLabels: true, allowSubtitle: false, allowLanguage: false);
        ValidateSwitch("AsrFullTextConfigure", template.AsrFullTextConfigure, allowLabels: false, allowSubtitle: true, allowLanguage: true);
        ValidateSwitch("AsrWordsConfigure", template.AsrWordsConfigure, allowLabels: true, allowSubtitle: false, allowLanguage: false);
        if (template.TranslateConfigure is { } translate)
        {
            CheckSwitch("TranslateConfigure", translate.Switch);
            if (translate.Switch == AiSwitch.On)
            {
                throw Refuse("TranslateConfigure", "TranslateConfigure: translation needs a translation engine, and this server has none configured.");
            }
        }

        if (!(template.Face || template.OcrFullText || template.OcrWords || template.AsrFullText || template.AsrWords))
        {
            throw Refuse("Switch", "at least one recognition (FaceConfigure, OcrFullTextConfigure, OcrWordsConfigure, AsrFullTextConfigure, AsrWordsConfigure) must be ON.");
        }
    }

    private static void ValidateFace(FaceConfigureInfo? face)
    {
        if (face is null)
        {
            return;
        }

        CheckSwitch("FaceConfigure.Switch", face.Switch);
        RefuseUnknown(face.NotYetSupported, "FaceConfigure.");

        if (face.Score is < 0 or > 100)
        {
            throw Refuse("Score", "FaceConfigure.Score must be 0..100.");
        }

        if (face.FaceLibrary != "UserDefine")
        {
            throw Refuse("FaceLibrary", $"FaceConfigure.FaceLibrary '{face.FaceLibrary}': only UserDefine (the account's person samples) is available; this server ships no default public-figure library.");
        }

        if (face.DefaultLibraryLabelSet is { Count: > 0 })
        {
            throw Refuse("DefaultLibraryLabelSet", "FaceConfigure.DefaultLibraryLabelSet: there is no default face library on this server.");
        }

        if (face.UserDefineLibraryLabelSet is { Count: > 100 })
        {
            throw Refuse("UserDefineLibraryLabelSet", "FaceConfigure.UserDefineLibraryLabelSet has more than 100 labels.");
        }
    }

    private static void ValidateSwitch(string member, RecognitionConfigure? configure, bool allowLabels, bool allowSubtitle, bool allowLanguage)
    {
        if (configure is null)
        {
            return;
        }

        CheckSwitch(member + ".Switch", configure.Switch);
        RefuseUnknown(configure.NotYetSupported, member + ".");
        if (configure.LabelSet is { Count: > 0 } labels)
        {
            if (!allowLabels)
            {
                throw Refuse("LabelSet", $"{member} has no LabelSet.");
            }

            if (labels.Count > MaxLabels || labels.Any(l => string.IsNullOrEmpty(l) || l.Length > MaxLabelLength))
            {
                throw Refuse("LabelSet", $"{member}.LabelSet: at most {MaxLabels} labels of 1..{MaxLabelLength} characters.");
            }
        }

        if (!string.IsNullOrEmpty(configure.SubtitleFormat))
        {
            throw Refuse("SubtitleFormat", allowSubtitle
                ? $"{member}.SubtitleFormat: subtitle files come from action-SmartSubtitles on this server, not from recognition."
                : $"{member} has no SubtitleFormat.");
        }

        if (!string.IsNullOrEmpty(configure.DestinationLanguage))
        {
            throw Refuse("DestinationLanguage", $"{member} has no DestinationLanguage.");
        }

        if (configure.SourceLanguage is { } language && (!allowLanguage || !AsrLanguages.Contains(language)))
        {
            throw Refuse("SourceLanguage", allowLanguage
                ? $"{member}.SourceLanguage '{language}': the speech engine recognizes English (en) only."
                : $"{member} has no SourceLanguage.");
        }
    }

    private static void CheckSwitch(string field, string value)
    {
        if (value is not (AiSwitch.On or AiSwitch.Off))
        {
            throw Refuse(field.Split('.')[^1], $"{field} must be ON or OFF.");
        }
    }

    private static void RefuseUnknown(Dictionary<string, System.Text.Json.JsonElement>? members, string prefix)
    {
        if (members is { Count: > 0 } && members.Keys.First() is { } name)
        {
            throw Refuse(name, $"{prefix}{name} is not implemented by this server (docs/media-ai.md lists what AI recognition can do).");
        }
    }

    private static ApiException Refuse(string field, string message) => new(ApiErrorCodes.InvalidValue(field), message);
}
