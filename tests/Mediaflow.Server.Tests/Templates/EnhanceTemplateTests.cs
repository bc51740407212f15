using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Templates;

/// <summary>EnhanceConfig and TEHDConfig through the API: stored typed, echoed by Describe, refused by name.</summary>
public sealed class EnhanceTemplateTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    private static readonly long[] TehdAndH265 = [100810, 101010];

    private MpsClient Mps => server.Mps;

    private const string Body = """
        {"Container":"mp4","Name":"enhanced","VideoTemplate":{"Codec":"h264","Fps":0,"Bitrate":0},
         "AudioTemplate":{"Codec":"aac","Bitrate":128,"SampleRate":44100},
         "TEHDConfig":{"Type":"TEHD-100","MaxVideoBitrate":800},
         "EnhanceConfig":{"VideoEnhance":{"Denoise":{"Switch":"ON","Type":"weak"},"Hdr":{"Switch":"ON","Type":"MfSDR"}},
                          "AudioEnhance":{"VolumeBalance":{"Switch":"ON","Type":"loudNorm"},"Beautify":{"Switch":"ON","Types":["deesser"]}}}}
        """;

    [Fact]
    public async Task CreateTranscodeTemplate_EnhanceAndTehd_EchoedByDescribe_AndModifiedMemberByMember()
    {
        var definition = (await Mps.SendAsync("CreateTranscodeTemplate", Body)).Success().GetProperty("Definition").GetInt64();

        var item = await DescribeAsync(definition);
        Assert.Equal("TEHD-100", item.GetProperty("TEHDConfig").GetProperty("Type").GetString());
        Assert.Equal(800, item.GetProperty("TEHDConfig").GetProperty("MaxVideoBitrate").GetInt64());
        var video = item.GetProperty("EnhanceConfig").GetProperty("VideoEnhance");
        Assert.Equal("weak", video.GetProperty("Denoise").GetProperty("Type").GetString());
        Assert.Equal("MfSDR", video.GetProperty("Hdr").GetProperty("Type").GetString());
        Assert.Equal("deesser", item.GetProperty("EnhanceConfig").GetProperty("AudioEnhance").GetProperty("Beautify").GetProperty("Types")[0].GetString());

        await Mps.OkAsync("ModifyTranscodeTemplate", new { Definition = definition, TEHDConfig = new { MaxVideoBitrate = 1200 } });
        var modified = await DescribeAsync(definition);
        Assert.Equal("TEHD-100", modified.GetProperty("TEHDConfig").GetProperty("Type").GetString());
        Assert.Equal(1200, modified.GetProperty("TEHDConfig").GetProperty("MaxVideoBitrate").GetInt64());
    }

    [Theory]
    [InlineData("""{"VideoEnhance":{"FaceEnhance":{"Switch":"ON","Intensity":0.6}}}""", "FaceEnhance")]
    [InlineData("""{"AudioEnhance":{"Separate":{"Switch":"ON","Type":"normal","Track":"vocal"}}}""", "Separate")]
    [InlineData("""{"VideoEnhance":{"Denoise":{"Switch":"MAYBE"}}}""", "Denoise")]
    public async Task CreateTranscodeTemplate_EnhancementWeCannotHonour_RefusedNamingTheMember(string enhance, string field)
    {
        var body = $$"""{"Container":"mp4","VideoTemplate":{"Codec":"h264","Fps":0,"Bitrate":0},"AudioTemplate":{"Codec":"aac","Bitrate":128,"SampleRate":44100},"EnhanceConfig":{{enhance}}}""";
        (await Mps.SendAsync("CreateTranscodeTemplate", body)).AssertError($"InvalidParameterValue.{field}");
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task DescribeTranscodeTemplates_TehdAndH265Presets_Listed()
    {
        var presets = (await Mps.OkAsync("DescribeTranscodeTemplates", new { Definitions = TehdAndH265 })).GetProperty("TranscodeTemplateSet").EnumerateArray().ToList();
        var tehd = presets.Single(t => t.GetProperty("Definition").GetString() == "100810");
        Assert.Equal("TEHD-100", tehd.GetProperty("TEHDConfig").GetProperty("Type").GetString());
        Assert.Equal("h265", presets.Single(t => t.GetProperty("Definition").GetString() == "101010").GetProperty("VideoTemplate").GetProperty("Codec").GetString());
    }

    [Fact]
    public async Task DescribeTranscodeTemplates_TranscodeTypeFilters()
    {
        var definition = (await Mps.SendAsync("CreateTranscodeTemplate", Body.Replace("\"enhanced\"", "\"filtered\"", StringComparison.Ordinal))).Success().GetProperty("Definition").GetInt64();
        var ids = new[] { definition, 100010L, 100810L };
        async Task<List<string>> ListAsync(object filter) =>
            [.. (await Mps.OkAsync("DescribeTranscodeTemplates", filter)).GetProperty("TranscodeTemplateSet").EnumerateArray().Select(t => t.GetProperty("Definition").GetString()!)];

        Assert.Equal(["100810", $"{definition}"], await ListAsync(new { Definitions = ids, TranscodeType = "TEHD-100" }));
        Assert.Equal([$"{definition}"], await ListAsync(new { Definitions = ids, EnhanceType = "VideoAudioEnhance" }));
        Assert.Equal(["100010"], await ListAsync(new { Definitions = ids, TranscodeType = "Common" }));
        (await Mps.CallAsync("DescribeTranscodeTemplates", new { TranscodeType = "Turbo" })).AssertError("InvalidParameterValue.TranscodeType");
    }

    private async Task<JsonElement> DescribeAsync(long definition) =>
        Assert.Single((await Mps.OkAsync("DescribeTranscodeTemplates", new { Definitions = new[] { definition } })).GetProperty("TranscodeTemplateSet").EnumerateArray().ToList());
}
