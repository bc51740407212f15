using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Templates;

/// <summary>
/// Quality-control templates (reference/mps-api.md §13.8, docs/quality-control.md) through the real server. What is
/// detectable depends on the inspectors the build registers, so the tests read it from preset 10.
/// </summary>
public sealed class QualityControlTemplateTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    private static readonly long[] Preset10 = [10];

    // AppletCode (mini-program codes) has no detector in this project; any other undetected spec item would do.
    private static readonly string[] NeverDetected = ["AppletCode", "StreamNALUError", "ReceiveFpsJitter", "AACDurationDeviation"];

    private MpsClient Mps => server.Mps;

    private async Task<HashSet<string>> DetectableAsync()
    {
        var preset = (await Mps.OkAsync("DescribeQualityControlTemplates", new { Definitions = Preset10 })).GetProperty("QualityControlTemplateSet");
        return [.. Assert.Single(preset.EnumerateArray()).GetProperty("QualityControlItemSet").EnumerateArray().Select(i => i.GetProperty("Type").GetString()!)];
    }

    [Fact]
    public async Task QualityControlTemplate_CreateDescribeModifyDelete_RoundTripsEveryField()
    {
        const string body = """
            {"Name":"fr","Comment":"full reference","QualityControlItemSet":[
              {"Type":"SSIM","Switch":"ON","Sampling":"Time","IntervalTime":500,"Duration":2000,"Threshold":"0.97"},
              {"Type":"PSNR","Switch":"OFF","Threshold":"38"}],
             "Strategy":{"StrategyType":"TimeSpotCheck","TimeSpotCheck":{"CheckDuration":10,"CheckInterval":20,"SkipDuration":5,"CirclesNumber":3}}}
            """;
        var definition = (await Mps.SendAsync("CreateQualityControlTemplate", body)).Success().GetProperty("Definition").GetInt64();
        Assert.True(definition >= 10000, $"custom Definition {definition}");

        var listed = await DescribeOneAsync(definition);
        Assert.Equal(("fr", "full reference", "Custom"), (listed.GetProperty("Name").GetString(), listed.GetProperty("Comment").GetString(), listed.GetProperty("Type").GetString()));
        var ssim = listed.GetProperty("QualityControlItemSet")[0];
        Assert.Equal(("SSIM", "ON", "Time", 500L, 2000L, "0.97"), (ssim.GetProperty("Type").GetString(), ssim.GetProperty("Switch").GetString(),
            ssim.GetProperty("Sampling").GetString(), ssim.GetProperty("IntervalTime").GetInt64(), ssim.GetProperty("Duration").GetInt64(), ssim.GetProperty("Threshold").GetString()));
        Assert.Equal("OFF", listed.GetProperty("QualityControlItemSet")[1].GetProperty("Switch").GetString());
        var spot = listed.GetProperty("Strategy").GetProperty("TimeSpotCheck");
        Assert.Equal((10L, 20L, 5L, 3L), (spot.GetProperty("CheckDuration").GetInt64(), spot.GetProperty("CheckInterval").GetInt64(),
            spot.GetProperty("SkipDuration").GetInt64(), spot.GetProperty("CirclesNumber").GetInt64()));

        await Mps.OkAsync("ModifyQualityControlTemplate", new { Definition = definition, Name = "renamed", QualityControlItemSet = new[] { new { Type = "PSNR", Threshold = "30" } } });
        var modified = await DescribeOneAsync(definition);
        Assert.Equal("renamed", modified.GetProperty("Name").GetString());
        Assert.Equal("PSNR", Assert.Single(modified.GetProperty("QualityControlItemSet").EnumerateArray()).GetProperty("Type").GetString());
        Assert.Equal(10, modified.GetProperty("Strategy").GetProperty("TimeSpotCheck").GetProperty("CheckDuration").GetInt64());
        (await Mps.CallAsync("ModifyQualityControlTemplate", new { Definition = definition, QualityControlItemSet = new[] { new { Type = "PSNR", Switch = "OFF" } } }))
            .AssertError("InvalidParameterValue.EmptyDetectItem");

        await Mps.OkAsync("DeleteQualityControlTemplate", new { Definition = definition });
        Assert.Equal(0, (await Mps.OkAsync("DescribeQualityControlTemplates", new { Definitions = new[] { definition } })).GetProperty("TotalCount").GetInt64());
    }

    [Fact]
    public async Task QualityControlTemplate_Presets_BuiltFromTheDetectableSetAndReadOnly()
    {
        var detectable = await DetectableAsync();
        Assert.Contains("SSIM", detectable);
        Assert.Contains("PSNR", detectable);
        var presets = (await Mps.OkAsync("DescribeQualityControlTemplates", new { Type = "Preset", Limit = 100 })).GetProperty("QualityControlTemplateSet").EnumerateArray().ToList();
        Assert.All(presets, p => Assert.Equal("Preset", p.GetProperty("Type").GetString()));
        Assert.Contains(10L, presets.Select(p => p.GetProperty("Definition").GetInt64()));
        Assert.All(presets, p => Assert.All(p.GetProperty("QualityControlItemSet").EnumerateArray(), i => Assert.Contains(i.GetProperty("Type").GetString()!, detectable)));
        var custom = (await Mps.OkAsync("DescribeQualityControlTemplates", new { Type = "Custom", Limit = 100 })).GetProperty("QualityControlTemplateSet").EnumerateArray();
        Assert.All(custom, p => Assert.Equal("Custom", p.GetProperty("Type").GetString()));

        (await Mps.CallAsync("ModifyQualityControlTemplate", new { Definition = 10, Name = "mine" })).AssertError("InvalidParameterValue.ModifyDefaultTemplate");
        (await Mps.CallAsync("DeleteQualityControlTemplate", new { Definition = 10 })).AssertError("InvalidParameterValue.DeleteDefaultTemplate");
    }

    [Fact]
    public async Task CreateQualityControlTemplate_KnownItemNotDetectedHere_RefusedNamingIt()
    {
        var detectable = await DetectableAsync();
        var undetected = NeverDetected.First(t => !detectable.Contains(t));
        var reply = await Mps.CallAsync("CreateQualityControlTemplate", new
        {
            Name = "x",
            QualityControlItemSet = new object[] { new { Type = "SSIM" }, new { Type = undetected } },
        });
        reply.AssertError("InvalidParameterValue");
        Assert.Contains(undetected, reply.ErrorMessage, StringComparison.Ordinal);
        await Mps.OkAsync("CreateQualityControlTemplate", new { Name = "off", QualityControlItemSet = new object[] { new { Type = "SSIM" }, new { Type = undetected, Switch = "OFF" } } });
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { """{"Name":"x","QualityControlItemSet":[{"Type":"Sharpness"}]}""", "InvalidParameterValue.Type" },
        { """{"Name":"x","QualityControlItemSet":[{"Type":"SSIM","Switch":"OFF"}]}""", "InvalidParameterValue.EmptyDetectItem" },
        { """{"Name":"x","QualityControlItemSet":[{"Type":"SSIM","Threshold":"2"}]}""", "InvalidParameterValue.Threshold" },
        { """{"Name":"x","QualityControlItemSet":[{"Type":"SSIM","Sampling":"Frame"}]}""", "InvalidParameterValue.Sampling" },
        { """{"Name":"x","RecordFormat":"PNG","QualityControlItemSet":[{"Type":"SSIM"}]}""", "InvalidParameterValue.RecordFormat" },
        { """{"Name":"x","QualityControlItemSet":[{"Type":"SSIM"}],"Strategy":{"StrategyType":"TimeSpotCheck","TimeSpotCheck":{"CheckDuration":5,"CheckInterval":10}}}""", "InvalidParameterValue.CheckDuration" },
        { """{"Name":"x","QualityControlItemSet":[]}""", "MissingParameter" },
        { """{"Name":"x","QualityControlItemSet":[{"Type":"SSIM","IntervalTime":"often"}]}""", "InvalidParameter" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task CreateQualityControlTemplate_BadField_RefusedByField(string body, string code) =>
        (await Mps.SendAsync("CreateQualityControlTemplate", body)).AssertError(code);

    private async Task<JsonElement> DescribeOneAsync(long definition)
    {
        var set = (await Mps.OkAsync("DescribeQualityControlTemplates", new { Definitions = new[] { definition } })).GetProperty("QualityControlTemplateSet");
        return Assert.Single(set.EnumerateArray());
    }
}
