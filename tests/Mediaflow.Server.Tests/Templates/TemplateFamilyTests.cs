using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Templates;

/// <summary>CRUD of the families beside Transcode (reference/mps-api.md §13.0, §13.2–§13.7) through the real server.</summary>
public sealed class TemplateFamilyTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static readonly long[] Preset10 = [10];

    private MpsClient Mps => server.Mps;

    public static TheoryData<string, string> Creatable => new()
    {
        { "SnapshotByTimeOffset", """{"Name":"snap","Width":320,"Height":0,"Format":"png","FillType":"gauss"}""" },
        { "SampleSnapshot", """{"Name":"sample","SampleType":"Time","SampleInterval":5,"Format":"webp"}""" },
        { "ImageSprite", """{"Name":"sprite","SampleType":"Percent","SampleInterval":5,"RowCount":4,"ColumnCount":5,"Width":160,"Height":90}""" },
        { "AnimatedGraphics", """{"Name":"gif","Fps":12,"Width":240,"Format":"gif","Quality":60}""" },
        { "Watermark", $$$"""{"Name":"logo","Type":"image","XPos":"10%","YPos":"8px","ImageTemplate":{"ImageContent":"{{{OnePixelPng}}}","Width":"10%"}}""" },
        { "AdaptiveDynamicStreaming", """{"Name":"ladder","Format":"HLS","StreamInfos":[{"Video":{"Codec":"h264","Fps":25,"Bitrate":400,"Height":360},"Audio":{"Codec":"aac","Bitrate":64,"SampleRate":44100}}]}""" },
    };

    [Theory]
    [MemberData(nameof(Creatable))]
    public async Task TemplateFamily_CreateDescribeModifyDelete_RoundTrips(string family, string body)
    {
        var definition = (await Mps.SendAsync($"Create{family}Template", body)).Success().GetProperty("Definition").GetInt64();
        Assert.True(definition >= 10000, $"custom Definition {definition}");

        var listed = await DescribeOneAsync(family, definition);
        Assert.Equal(JsonValueKind.Number, listed.GetProperty("Definition").ValueKind);
        Assert.Equal(JsonDocument.Parse(body).RootElement.GetProperty("Name").GetString(), listed.GetProperty("Name").GetString());
        Assert.NotEqual("0000-00-00T00:00:00Z", listed.GetProperty("CreateTime").GetString());

        await Mps.OkAsync($"Modify{family}Template", new { Definition = definition, Name = "renamed", Comment = "changed" });
        var modified = await DescribeOneAsync(family, definition);
        Assert.Equal("renamed", modified.GetProperty("Name").GetString());
        Assert.Equal("changed", modified.GetProperty("Comment").GetString());

        await Mps.OkAsync($"Delete{family}Template", new { Definition = definition });
        var gone = await Mps.OkAsync($"Describe{family}Templates", new { Definitions = new[] { definition } });
        Assert.Equal(0, gone.GetProperty("TotalCount").GetInt64());
        (await Mps.CallAsync($"Delete{family}Template", new { Definition = definition })).AssertError("ResourceNotFound.TemplateNotExist");
    }

    [Theory]
    [InlineData("SnapshotByTimeOffset", 10)]
    [InlineData("SampleSnapshot", 10)]
    [InlineData("ImageSprite", 10)]
    [InlineData("AnimatedGraphics", 10)]
    [InlineData("AdaptiveDynamicStreaming", 10)]
    public async Task TemplateFamily_Preset_ListedAsPresetAndReadOnly(string family, long preset)
    {
        var presets = (await Mps.OkAsync($"Describe{family}Templates", new { Type = "Preset", Limit = 100 })).GetProperty($"{family}TemplateSet").EnumerateArray().ToList();
        Assert.Contains(presets, p => p.GetProperty("Definition").GetInt64() == preset);
        Assert.All(presets, p => Assert.Equal("Preset", p.GetProperty("Type").GetString()));
        var custom = (await Mps.OkAsync($"Describe{family}Templates", new { Type = "Custom", Limit = 100 })).GetProperty($"{family}TemplateSet").EnumerateArray();
        Assert.All(custom, p => Assert.Equal("Custom", p.GetProperty("Type").GetString()));

        (await Mps.CallAsync($"Modify{family}Template", new { Definition = preset, Name = "mine" })).AssertError("InvalidParameterValue.ModifyDefaultTemplate");
        (await Mps.CallAsync($"Delete{family}Template", new { Definition = preset })).AssertError("InvalidParameterValue.DeleteDefaultTemplate");
    }

    [Fact]
    public async Task DescribeImageSpriteTemplates_Preset10_IsTheSpecsGrid()
    {
        var sprite = (await Mps.OkAsync("DescribeImageSpriteTemplates", new { Definitions = Preset10 })).GetProperty("ImageSpriteTemplateSet")[0];
        Assert.Equal((142, 80, 10, 10, "Time", 10), (sprite.GetProperty("Width").GetInt64(), sprite.GetProperty("Height").GetInt64(),
            sprite.GetProperty("RowCount").GetInt64(), sprite.GetProperty("ColumnCount").GetInt64(), sprite.GetProperty("SampleType").GetString(),
            sprite.GetProperty("SampleInterval").GetInt64()));
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "SnapshotByTimeOffset", """{"Format":"bmp"}""", "InvalidParameterValue.Format" },
        { "SnapshotByTimeOffset", """{"Width":100}""", "InvalidParameterValue.Width" },
        { "SnapshotByTimeOffset", """{"FillType":"smarttailor"}""", "InvalidParameterValue.FillType" },
        { "SampleSnapshot", """{"SampleType":"Percent","SampleInterval":150}""", "InvalidParameterValue.SampleInterval" },
        { "SampleSnapshot", """{"SampleType":"Frame","SampleInterval":10}""", "InvalidParameterValue.SampleType" },
        { "ImageSprite", """{"SampleType":"Time","SampleInterval":10,"RowCount":11,"ColumnCount":10}""", "InvalidParameterValue.ColumnCount" },
        { "ImageSprite", """{"SampleType":"Time","SampleInterval":10,"RowCount":2,"ColumnCount":2,"FillType":"gauss"}""", "InvalidParameterValue.FillType" },
        { "AnimatedGraphics", """{"Fps":60}""", "InvalidParameterValue.Fps" },
        { "AnimatedGraphics", """{"Fps":10,"Format":"apng"}""", "InvalidParameterValue.Format" },
        { "Watermark", """{"Type":"image","ImageTemplate":{"ImageContent":"bm90IGFuIGltYWdl"}}""", "InvalidParameterValue.ImageContent" },
        { "Watermark", """{"Type":"text","TextTemplate":{"FontType":"arial.ttf","FontSize":"16px","FontColor":"red","FontAlpha":1}}""", "InvalidParameterValue.FontColor" },
        { "AdaptiveDynamicStreaming", """{"Format":"HLS","StreamInfos":[{"Video":{"Codec":"vp9","Fps":25,"Bitrate":400},"Audio":{"Codec":"aac","Bitrate":64,"SampleRate":44100}}]}""", "InvalidParameterValue.VideoCodec" },
        { "AdaptiveDynamicStreaming", """{"Format":"MPEG-DASH","SegmentType":"ts-segment","StreamInfos":[{"Video":{"Codec":"h264","Fps":25,"Bitrate":400},"Audio":{"Codec":"aac","Bitrate":64,"SampleRate":44100}}]}""", "InvalidParameterValue.SegmentType" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task CreateTemplate_InvalidField_RefusedNamingIt(string family, string body, string code)
    {
        (await Mps.SendAsync($"Create{family}Template", body)).AssertError(code);
        await Mps.AssertStillServingAsync();
    }

    [Fact]
    public async Task CreateWatermarkTemplate_Image_AnswersImageUrlAndTypeIsFixed()
    {
        var created = (await Mps.SendAsync("CreateWatermarkTemplate", $$$"""{"Type":"image","ImageTemplate":{"ImageContent":"{{{OnePixelPng}}}"}}""")).Success();
        var definition = created.GetProperty("Definition").GetInt64();
        Assert.Equal("data:image/png;base64," + OnePixelPng, created.GetProperty("ImageUrl").GetString());

        var listed = await DescribeOneAsync("Watermark", definition);
        Assert.Equal("data:image/png;base64," + OnePixelPng, listed.GetProperty("ImageTemplate").GetProperty("ImageUrl").GetString());
        Assert.False(listed.GetProperty("ImageTemplate").TryGetProperty("ImageContent", out _));
        (await Mps.CallAsync("ModifyWatermarkTemplate", new { Definition = definition, Type = "text" })).AssertError("InvalidParameterValue.Type");
        var images = (await Mps.OkAsync("DescribeWatermarkTemplates", new { Type = "image", Limit = 100 })).GetProperty("WatermarkTemplateSet");
        Assert.Contains(images.EnumerateArray(), t => t.GetProperty("Definition").GetInt64() == definition);
        var texts = (await Mps.OkAsync("DescribeWatermarkTemplates", new { Type = "text", Limit = 100 })).GetProperty("WatermarkTemplateSet");
        Assert.DoesNotContain(texts.EnumerateArray(), t => t.GetProperty("Definition").GetInt64() == definition);
    }

    [Fact]
    public async Task DescribeAdaptiveDynamicStreamingTemplates_PureAudio_FiltersOnIt()
    {
        var audio = (await Mps.SendAsync("CreateAdaptiveDynamicStreamingTemplate",
            """{"Format":"HLS","PureAudio":1,"StreamInfos":[{"RemoveVideo":1,"Audio":{"Codec":"aac","Bitrate":64,"SampleRate":44100}}]}""")).Success().GetProperty("Definition").GetInt64();

        var pure = (await Mps.OkAsync("DescribeAdaptiveDynamicStreamingTemplates", new { PureAudio = 1, Limit = 100 })).GetProperty("AdaptiveDynamicStreamingTemplateSet");
        var mixed = (await Mps.OkAsync("DescribeAdaptiveDynamicStreamingTemplates", new { PureAudio = 0, Limit = 100 })).GetProperty("AdaptiveDynamicStreamingTemplateSet");

        Assert.Contains(pure.EnumerateArray(), t => t.GetProperty("Definition").GetInt64() == audio);
        Assert.All(pure.EnumerateArray(), t => Assert.Equal(1, t.GetProperty("PureAudio").GetInt64()));
        Assert.DoesNotContain(mixed.EnumerateArray(), t => t.GetProperty("Definition").GetInt64() == audio);
        Assert.Contains(mixed.EnumerateArray(), t => t.GetProperty("Definition").GetInt64() == 10);
        (await Mps.CallAsync("DescribeSampleSnapshotTemplates", new { PureAudio = 1 })).AssertError("InvalidParameterValue.PureAudio");
    }

    [Fact]
    public async Task ModifySampleSnapshotTemplate_InvalidResult_RefusedAndUnchanged()
    {
        var definition = (await Mps.OkAsync("CreateSampleSnapshotTemplate", new { SampleType = "Percent", SampleInterval = 20 })).GetProperty("Definition").GetInt64();

        (await Mps.CallAsync("ModifySampleSnapshotTemplate", new { Definition = definition, SampleInterval = 0 })).AssertError("InvalidParameterValue.SampleInterval");

        Assert.Equal(20, (await DescribeOneAsync("SampleSnapshot", definition)).GetProperty("SampleInterval").GetInt64());
    }

    private async Task<JsonElement> DescribeOneAsync(string family, long definition)
    {
        var set = (await Mps.OkAsync($"Describe{family}Templates", new { Definitions = new[] { definition } })).GetProperty($"{family}TemplateSet");
        return Assert.Single(set.EnumerateArray());
    }
}
