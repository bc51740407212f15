using System.Text.Json;
using Mediaflow.Domain.Conditions;
using Mediaflow.Domain.Media;

namespace Mediaflow.Domain.Tests.Conditions;

public class ConditionFactsTests
{
    private static readonly string[] PictureKeys = ["Width", "Height", "Fps", "VideoCodec"];

    /// <summary>A QualityControlData as the spec (§12) shapes it, plus our MfSsim/MfPsnr/MfAudioEvaluationScore.</summary>
    private const string QcOutput = """
        {
          "NoAudio": false,
          "NoVideo": false,
          "QualityEvaluationScore": 42.5,
          "MfAudioEvaluationScore": 88,
          "MfSsim": 0.9612,
          "MfPsnr": 31.25,
          "QualityControlResultSet": [
            { "Type": "Blur", "QualityControlItems": [ { "Confidence": 90, "StartTimeOffset": 1.0, "EndTimeOffset": 2.5 } ] },
            { "Type": "BlackWhiteEdge", "QualityControlItems": [ { "Confidence": 100, "StartTimeOffset": 0, "EndTimeOffset": 4, "AreaCoordSet": [0, 0, 640, 40] } ] }
          ],
          "ContainerDiagnoseResultSet": [
            { "Category": "DecodeParamException", "Type": "VideoResolutionChanged", "SeverityLevel": "Warning", "DateTimeSet": [], "TimestampSet": [2.0] }
          ]
        }
        """;

    [Fact]
    public void FromQualityControl_SpecShape_ItemTypesPresentOrAbsentAndFiguresCopied()
    {
        using var json = JsonDocument.Parse(QcOutput);
        var facts = ConditionFacts.FromQualityControl(json.RootElement);

        Assert.Equal(("true", "true", "true"), (facts["Blur"], facts["BlackWhiteEdge"], facts["VideoResolutionChanged"]));
        Assert.Equal(("false", "false", "false"), (facts["Freeze"], facts["Mosaic"], facts["TimestampFallback"]));
        Assert.Equal(("42.5", "88", "0.9612", "31.25"), (facts["QualityEvaluationScore"], facts["MfAudioEvaluationScore"], facts["SSIM"], facts["PSNR"]));
        Assert.Equal(("false", "false"), (facts["NoAudio"], facts["NoVideo"]));
    }

    [Fact]
    public void FromQualityControl_FiguresNotMeasured_Missing()
    {
        using var json = JsonDocument.Parse("""{"NoAudio": true, "QualityControlResultSet": [], "MfSsim": null}""");
        var facts = ConditionFacts.FromQualityControl(json.RootElement);

        Assert.Equal("true", facts["NoAudio"]);
        Assert.False(facts.ContainsKey("NoVideo"));
        Assert.False(facts.ContainsKey("SSIM"));
        Assert.False(facts.ContainsKey("QualityEvaluationScore"));
        Assert.Equal("false", facts["Blur"]);
    }

    [Theory]
    [InlineData("""[{"Type":"Porn","PornTask":{"Status":"SUCCESS","Output":{"Suggestion":"pass"}}},{"Type":"Terrorism","TerrorismTask":{"Output":{"Suggestion":"review"}}}]""", "review")]
    [InlineData("""[{"Type":"Porn","PornTask":{"Output":{"Suggestion":"block","SegmentSet":[{"Suggestion":"pass"}]}}}]""", "block")]
    [InlineData("""{"Suggestion":"PASS"}""", "pass")]
    public void FromReview_WorstSuggestionAnywhere(string output, string expected)
    {
        using var json = JsonDocument.Parse(output);
        Assert.Equal(expected, ConditionFacts.FromReview(json.RootElement)["ReviewSuggestion"]);
    }

    [Fact]
    public void FromReview_NoSuggestion_Missing()
    {
        using var json = JsonDocument.Parse("""[{"Type":"Porn","PornTask":{"Status":"FAIL"}}]""");
        Assert.Empty(ConditionFacts.FromReview(json.RootElement));
    }

    [Fact]
    public void FromSource_VideoWithAudio_EveryKey()
    {
        var meta = new MediaMetaData
        {
            Container = "mov,mp4,m4a,3gp,3g2,mj2", Bitrate = 812345, Width = 1280, Height = 720, Duration = 4.04,
            VideoStreamSet = [new MediaVideoStreamItem { Codec = "h264", Fps = 30, FpsNumerator = 30000, FpsDenominator = 1001 }],
            AudioStreamSet = [new MediaAudioStreamItem { Codec = "aac" }],
        };

        var facts = ConditionFacts.FromSource(meta);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Width"] = "1280", ["Height"] = "720", ["Duration"] = "4.04", ["Bitrate"] = "812345", ["Fps"] = "29.97",
                ["VideoCodec"] = "h264", ["AudioCodec"] = "aac", ["Container"] = "mov,mp4,m4a,3gp,3g2,mj2", ["HasAudio"] = "true", ["HasVideo"] = "true",
            },
            facts);
        Assert.Equal(ConditionKeys.Source.Keys.Order(StringComparer.Ordinal), facts.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromSource_AudioOnly_PictureKeysMissing()
    {
        var facts = ConditionFacts.FromSource(new MediaMetaData { Container = "mov,mp4,m4a,3gp,3g2,mj2", Duration = 2, AudioStreamSet = [new MediaAudioStreamItem { Codec = "aac" }] });

        Assert.Equal(("false", "true", "aac"), (facts["HasVideo"], facts["HasAudio"], facts["AudioCodec"]));
        Assert.All(PictureKeys, key => Assert.False(facts.ContainsKey(key)));
    }
}
