using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Tests.Ai;

public sealed class AiRecognitionTemplateRulesTests
{
    private static readonly RecognitionConfigure On = new() { Switch = AiSwitch.On };

    [Fact]
    public void Validate_Presets_AreValid()
    {
        foreach (var preset in AiTemplateFamilies.AiRecognition.Presets)
        {
            AiRecognitionTemplateRules.Validate(preset);
        }
    }

    [Fact]
    public void Validate_OcrAndAsrSwitches_Accepted()
    {
        AiRecognitionTemplateRules.Validate(new AiRecognitionTemplate
        {
            OcrFullTextConfigure = On, OcrWordsConfigure = On, AsrFullTextConfigure = On with { SourceLanguage = "en" }, AsrWordsConfigure = On,
            TranslateConfigure = new RecognitionConfigure { Switch = AiSwitch.Off },
        });
    }

    [Fact]
    public void Validate_WordsLabelSet_TenLabelsOfSixteenAcceptedOneMoreOrLongerRefused()
    {
        var ten = Enumerable.Range(0, 10).Select(i => $"{i}".PadLeft(16, 'x')).ToList();
        AiRecognitionTemplateRules.Validate(new AiRecognitionTemplate { OcrWordsConfigure = On with { LabelSet = ten }, AsrWordsConfigure = On with { LabelSet = ten } });

        string Refused(AiRecognitionTemplate template) => Assert.Throws<ApiException>(() => AiRecognitionTemplateRules.Validate(template)).Code;
        Assert.Equal("InvalidParameterValue.LabelSet", Refused(new AiRecognitionTemplate { OcrWordsConfigure = On with { LabelSet = [.. ten, "k"] } }));
        Assert.Equal("InvalidParameterValue.LabelSet", Refused(new AiRecognitionTemplate { AsrWordsConfigure = On with { LabelSet = [new string('x', 17)] } }));
        Assert.Equal("InvalidParameterValue.LabelSet", Refused(new AiRecognitionTemplate { AsrWordsConfigure = On with { LabelSet = [""] } }));
        Assert.Equal("InvalidParameterValue.LabelSet", Refused(new AiRecognitionTemplate { AsrFullTextConfigure = On with { LabelSet = ["brand"] } }));
    }

    [Fact]
    public void Validate_FaceLibraryDefault_RefusedNamingFaceConfigure()
    {
        var error = Assert.Throws<ApiException>(() => AiRecognitionTemplateRules.Validate(new AiRecognitionTemplate
        {
            OcrFullTextConfigure = On, FaceConfigure = new FaceConfigureInfo { Switch = AiSwitch.Off, FaceLibrary = "Default" },
        }));

        Assert.Equal("InvalidParameterValue.FaceLibrary", error.Code);
    }

    [Fact]
    public void Validate_NameTooLong_RefusedNamingName()
    {
        var error = Assert.Throws<ApiException>(() => AiRecognitionTemplateRules.Validate(new AiRecognitionTemplate { Name = new string('n', 65), OcrFullTextConfigure = On }));

        Assert.Equal("InvalidParameterValue.Name", error.Code);
    }
}
