using Mediaflow.Domain.QualityControl;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.Tests.QualityControl;

/// <summary>Presets 10/20/30/40 (spec §13.8) built from what a build detects; a preset with nothing to detect is absent.</summary>
public class QualityControlPresetsTests
{
    private static Dictionary<long, List<string>> Build(params string[] detectable) =>
        QualityControlPresets.Build(new HashSet<string>(detectable, StringComparer.Ordinal))
            .ToDictionary(p => p.Definition, p => p.QualityControlItemSet.Select(i => i.Type!).ToList());

    [Fact]
    public void Build_MixedDetectableSet_EachPresetTakesItsFamily()
    {
        var presets = Build("SSIM", "PSNR", "Blur", "Freeze", "LowEvaluation", "DtsJitter", "VideoStreamLack", "NoVoice");
        Assert.Equal(["Blur", "DtsJitter", "Freeze", "LowEvaluation", "NoVoice", "PSNR", "SSIM", "VideoStreamLack"], presets[10]);
        Assert.Equal(["DtsJitter", "VideoStreamLack"], presets[20]);
        Assert.Equal(["LowEvaluation"], presets[30]);
        Assert.Equal(["Blur", "Freeze"], presets[40]);
    }

    [Fact]
    public void Build_OnlyFullReference_OnlyPreset10()
    {
        var presets = Build("SSIM", "PSNR");
        Assert.Equal([10L], presets.Keys);
        Assert.Equal(["PSNR", "SSIM"], presets[10]);
    }

    [Fact]
    public void Build_UnknownNames_Ignored() => Assert.Equal(["SSIM"], Build("SSIM", "NotAnItem")[10]);

    [Fact]
    public void Family_PresetsAreReadOnlyPresetsAndValidAgainstTheirOwnSet()
    {
        var detectable = new HashSet<string>(["SSIM", "PSNR", "Blur", "DtsJitter"], StringComparer.Ordinal);
        var family = QualityControlTemplateFamily.Create(detectable);
        Assert.Equal([10L, 20L, 40L], family.Presets.Select(p => p.Definition));
        Assert.All(family.Presets, preset =>
        {
            Assert.Equal(TemplateType.Preset, preset.Type);
            family.Validate(preset);
        });
        Assert.Equal("QualityControlTemplateSet", family.SetName);
    }
}
