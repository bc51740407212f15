using System.Text.Json.Nodes;
using Mediaflow.Engine.QualityControl;
using Mediaflow.Media.QualityControl;

namespace Mediaflow.Engine.Tests.QualityControl;

/// <summary>The pure merge of inspector reports into QualityControlData (reference/mps-api.md §12, docs/quality-control.md).</summary>
public class QualityControlDataBuilderTests
{
    private static readonly string[] Enabled = ["Blur", "NoVoice", "SSIM", "DtsJitter", "VideoStreamLack"];

    [Fact]
    public void Build_TwoReports_GroupedByTypeInTemplateOrderOnlyEnabledItems()
    {
        var content = new QcReport
        {
            Findings =
            [
                new QcFinding("NoVoice", 3, 4.5, 90),
                new QcFinding("Blur", 2.0004, 3, 80, [0, 0, 320, 180]),
                new QcFinding("Blur", 0, 1, 70),
                new QcFinding("Freeze", 0, 1, 99), // not enabled: dropped
            ],
            Scores = new Dictionary<string, double> { ["QualityEvaluationScore"] = 71.234, ["AudioEvaluationScore"] = 55 },
        };
        var format = new QcReport
        {
            Diagnoses = [new QcDiagnosis("DtsJitter", "Warning", [1.5, 0.5]), new QcDiagnosis("PtsJitter", "Error", [1])],
        };

        var data = QualityControlDataBuilder.Build(hasAudio: true, hasVideo: true, Enabled, [content, format], null);

        Assert.False(data["NoAudio"]!.GetValue<bool>());
        Assert.False(data["NoVideo"]!.GetValue<bool>());
        Assert.Equal(71.23, data["QualityEvaluationScore"]!.GetValue<double>());
        Assert.Equal(55, data["MfAudioEvaluationScore"]!.GetValue<double>());
        Assert.Null(data["MfSsim"]);
        var results = data["QualityControlResultSet"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(["Blur", "NoVoice"], results.Select(r => r["Type"]!.GetValue<string>()));
        var blur = results[0]["QualityControlItems"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal([0, 2], blur.Select(b => b["StartTimeOffset"]!.GetValue<double>()));
        Assert.Equal([0L, 0, 320, 180], blur[1]["AreaCoordSet"]!.AsArray().Select(v => v!.GetValue<long>()));
        Assert.Null(blur[0]["AreaCoordSet"]);
        var diagnosis = Assert.Single(data["ContainerDiagnoseResultSet"]!.AsArray())!.AsObject();
        Assert.Equal(("TimeStampException", "DtsJitter", "Warning"),
            (diagnosis["Category"]!.GetValue<string>(), diagnosis["Type"]!.GetValue<string>(), diagnosis["SeverityLevel"]!.GetValue<string>()));
        Assert.Equal([0.5, 1.5], diagnosis["TimestampSet"]!.AsArray().Select(t => t!.GetValue<double>()));
    }

    [Fact]
    public void Build_NoStreams_NoAudioNoVideoAndEmptySets()
    {
        var data = QualityControlDataBuilder.Build(hasAudio: false, hasVideo: false, Enabled, [], null);
        Assert.True(data["NoAudio"]!.GetValue<bool>());
        Assert.True(data["NoVideo"]!.GetValue<bool>());
        Assert.Empty(data["QualityControlResultSet"]!.AsArray());
        Assert.Empty(data["ContainerDiagnoseResultSet"]!.AsArray());
        Assert.Null(data["QualityEvaluationScore"]);
    }

    [Fact]
    public void Build_ScorePerWindow_Averaged()
    {
        QcReport Window(double score) => new() { Scores = new Dictionary<string, double> { ["QualityEvaluationScore"] = score } };
        var data = QualityControlDataBuilder.Build(true, true, Enabled, [Window(60), Window(80)], null);
        Assert.Equal(70, data["QualityEvaluationScore"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(0.85, 40, null, null, new[] { "SSIM" })]
    [InlineData(0.97, 40, null, null, new string[0])]
    [InlineData(0.97, 30, "0.98", "35", new[] { "SSIM", "PSNR" })]
    [InlineData(0.99, double.PositiveInfinity, "0.98", "35", new string[0])]
    public void FullReference_BelowThreshold_OneAnomalyOverTheRange(double ssim, double psnr, string? ssimThreshold, string? psnrThreshold, string[] expected)
    {
        var result = QualityControlDataBuilder.FullReference(ssim, psnr, [new QcItemRequest("SSIM", ssimThreshold), new QcItemRequest("PSNR", psnrThreshold)], 5, 15);
        Assert.Equal(expected, result.Findings.Select(f => f.Type));
        Assert.All(result.Findings, f => Assert.Equal((5.0, 15.0), (f.StartTime, f.EndTime)));
        Assert.Equal(double.IsPositiveInfinity(psnr) ? 100 : psnr, result.Psnr);
    }

    [Fact]
    public void Build_FullReference_MfSsimMfPsnrAndAnomalyReported()
    {
        var measured = QualityControlDataBuilder.FullReference(0.81234, 31.456, [new QcItemRequest("SSIM", "0.9")], 0, 2);
        var data = QualityControlDataBuilder.Build(true, true, Enabled, [], measured);
        Assert.Equal((0.8123, 31.46), (data["MfSsim"]!.GetValue<double>(), data["MfPsnr"]!.GetValue<double>()));
        Assert.Equal("SSIM", Assert.Single(data["QualityControlResultSet"]!.AsArray())!["Type"]!.GetValue<string>());
    }

    [Fact]
    public void Shift_WindowReport_MovedOntoTheInputClock()
    {
        var report = new QcReport { Findings = [new QcFinding("Blur", 1, 2, 50)], Diagnoses = [new QcDiagnosis("DtsJitter", "Info", [0.5])] };
        var shifted = QualityControlDataBuilder.Shift(report, 30);
        Assert.Equal((31.0, 32.0), (shifted.Findings[0].StartTime, shifted.Findings[0].EndTime));
        Assert.Equal([30.5], shifted.Diagnoses[0].Timestamps);
    }
}
