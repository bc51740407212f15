using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Tests.Ai;

public sealed class SmartSubtitleRulesTests
{
    private static readonly IReadOnlySet<string> Sphinx = new HashSet<string>(StringComparer.Ordinal) { "en" };

    private static RawSmartSubtitleParameter Asr() => new() { VideoSrcLanguage = "en", SubtitleType = 0, SubtitleFormat = "srt" };

    [Fact]
    public void Validate_AsrEnglishSrt_Accepted() => SmartSubtitleRules.Validate(Asr(), Sphinx);

    [Fact]
    public void Validate_AsrWithoutFormat_AcceptedAsSegmentsOnly() => SmartSubtitleRules.Validate(Asr() with { SubtitleFormat = null }, Sphinx);

    [Fact]
    public void Validate_OcrChineseEnglish_Accepted() =>
        SmartSubtitleRules.Validate(new RawSmartSubtitleParameter { ProcessType = 2, VideoSrcLanguage = "zh_en", SubtitleType = 0, SubtitleFormat = "vtt" }, Sphinx);

    [Fact]
    public void Validate_ChineseSpeechWithWhisperLanguages_Accepted() =>
        SmartSubtitleRules.Validate(Asr() with { VideoSrcLanguage = "zh" }, SmartSubtitleRules.AnyAsrLanguage);

    public static TheoryData<RawSmartSubtitleParameter, string> Refused() => new()
    {
        { Asr() with { SubtitleType = 1 }, "InvalidParameterValue.SubtitleType" },
        { Asr() with { SubtitleType = 2 }, "InvalidParameterValue.SubtitleType" },
        { Asr() with { SubtitleType = 7 }, "InvalidParameterValue.SubtitleType" },
        { Asr() with { SubtitleType = null }, ApiErrorCodes.MissingParameter },
        { Asr() with { TranslateSwitch = "ON" }, "InvalidParameterValue.TranslateSwitch" },
        { Asr() with { TranslateDstLanguage = "ja" }, "InvalidParameterValue.TranslateDstLanguage" },
        { Asr() with { ProcessType = 1 }, "InvalidParameterValue.ProcessType" },
        { Asr() with { ProcessType = 3 }, "InvalidParameterValue.ProcessType" },
        { Asr() with { VideoSrcLanguage = "zh" }, "InvalidParameterValue.VideoSrcLanguage" },
        { Asr() with { VideoSrcLanguage = "" }, ApiErrorCodes.MissingParameter },
        { Asr() with { ProcessType = 2, VideoSrcLanguage = "multi" }, "InvalidParameterValue.VideoSrcLanguage" },
        { Asr() with { ProcessType = 2, VideoSrcLanguage = "zh_en", SubtitleFormat = "" }, ApiErrorCodes.MissingParameter },
        { Asr() with { SubtitleFormat = "original" }, "InvalidParameterValue.SubtitleFormat" },
        { Asr() with { SubtitleEmbedId = 5 }, "InvalidParameterValue.SubtitleEmbedId" },
        { Asr() with { SpeakerMode = 1 }, "InvalidParameterValue.SpeakerMode" },
        { Asr() with { SpeakerLabel = 1 }, "InvalidParameterValue.SpeakerLabel" },
        { Asr() with { AsrHotWordsConfigure = new AsrHotWordsConfigure { Switch = "ON" } }, ApiErrorCodes.MissingParameter },
        { Asr() with { AsrHotWordsConfigure = new AsrHotWordsConfigure { Switch = "MAYBE" } }, "InvalidParameterValue.AsrHotWordsConfigure.Switch" },
        { Asr() with { ProcessType = 2, VideoSrcLanguage = "zh_en", AsrHotWordsConfigure = new AsrHotWordsConfigure { Switch = "ON", LibraryId = "x" } }, "InvalidParameterValue.AsrHotWordsConfigure" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Validate_UnimplementedOrInvalid_RefusedNamingTheField(RawSmartSubtitleParameter parameters, string code)
    {
        var error = Assert.Throws<ApiException>(() => SmartSubtitleRules.Validate(parameters, Sphinx));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Validate_Translation_MessageSaysNoEngineIsConfigured()
    {
        var error = Assert.Throws<ApiException>(() => SmartSubtitleRules.Validate(Asr() with { TranslateSwitch = "ON" }, Sphinx));

        Assert.Contains("no translation engine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateTemplate_NoName_MissingParameter() =>
        Assert.Equal(ApiErrorCodes.MissingParameter, Assert.Throws<ApiException>(() => SmartSubtitleRules.ValidateTemplate(new SmartSubtitleTemplate { VideoSrcLanguage = "en", SubtitleType = 0 }, Sphinx)).Code);

    [Fact]
    public void Presets_AllValidUnderSphinx()
    {
        foreach (var preset in SmartSubtitleTemplates.Presets)
        {
            SmartSubtitleRules.ValidateTemplate(preset, Sphinx);
        }
    }
}
