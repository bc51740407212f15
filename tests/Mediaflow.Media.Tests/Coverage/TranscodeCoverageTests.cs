using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Domain.Tests.Orchestrations;

namespace Mediaflow.Media.Tests.Coverage;

/// <summary>
/// Keeps docs/coverage/transcode.md honest (DESIGN §7.5): every wire field of the transcode family is mapped and tested
/// or refused, every test the table names exists, and every refusal the table claims really happens.
/// </summary>
public class TranscodeCoverageTests
{
    private static readonly Type[] Dtos =
    [
        typeof(TranscodeTemplate), typeof(VideoTemplateInfo), typeof(AudioTemplateInfo), typeof(TranscodeTaskInput),
        typeof(EnhanceConfig), typeof(VideoEnhanceConfig), typeof(AudioEnhanceConfig), typeof(TehdConfig),
    ];

    /// <summary>Template bookkeeping, not media parameters.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "TranscodeTemplate.Definition", "TranscodeTemplate.Name", "TranscodeTemplate.Comment", "TranscodeTemplate.Type",
        "TranscodeTemplate.CreateTime", "TranscodeTemplate.UpdateTime",
    };

    private static readonly string[] Statuses = ["implemented", "partly", "refused"];

    /// <summary>
    /// One value the server does not implement for each <c>refused</c> or <c>partly</c> row, and the code it is refused with.
    /// Template fields: <see cref="Example.Patch"/> is merged into the JSON of system preset <see cref="Example.Preset"/>.
    /// Node fields: <see cref="Example.Patch"/> is the whole TranscodeTask object.
    /// </summary>
    private static readonly Dictionary<string, Example> RefusedExamples = new(StringComparer.Ordinal)
    {
        ["TranscodeTemplate.TEHDConfig"] = new("""{"TEHDConfig":{"Type":"TEHD-200"}}""", "InvalidParameterValue.TEHDType"),
        ["TehdConfig.Type"] = new("""{"TEHDConfig":{"Type":"TEHD-200"}}""", "InvalidParameterValue.TEHDType"),
        ["VideoEnhanceConfig.FaceEnhance"] = new("""{"EnhanceConfig":{"VideoEnhance":{"FaceEnhance":{"Switch":"ON","Intensity":0.5}}}}""", "InvalidParameterValue.FaceEnhance"),
        ["VideoEnhanceConfig.ScratchRepair"] = new("""{"EnhanceConfig":{"VideoEnhance":{"ScratchRepair":{"Intensity":0.3}}}}""", "InvalidParameterValue.ScratchRepair"),
        ["VideoEnhanceConfig.EnhanceSceneType"] = new("""{"EnhanceConfig":{"VideoEnhance":{"EnhanceSceneType":"game"}}}""", "InvalidParameterValue.EnhanceSceneType"),
        ["VideoEnhanceConfig.DiffusionEnhance"] = new("""{"EnhanceConfig":{"VideoEnhance":{"DiffusionEnhance":{"Switch":"ON","Type":"normal"}}}}""", "InvalidParameterValue.DiffusionEnhance"),
        ["VideoEnhanceConfig.AiRestoration"] = new("""{"EnhanceConfig":{"VideoEnhance":{"AiRestoration":{"Switch":"ON"}}}}""", "InvalidParameterValue.AiRestoration"),
        ["AudioEnhanceConfig.Separate"] = new("""{"EnhanceConfig":{"AudioEnhance":{"Separate":{"Switch":"ON","Type":"music","Track":"background"}}}}""", "InvalidParameterValue.Separate"),
        ["TranscodeTemplate.SubtitleTemplate"] = new("""{"SubtitleTemplate":{"Path":"https://example.com/a.srt"}}""", "InvalidParameterValue.Path"),
        ["TranscodeTemplate.StdExtInfo"] = new("""{"StdExtInfo":"{\"x\":1}"}""", "InvalidParameterValue.StdExtInfo"),
        ["VideoTemplateInfo.Codec"] = new("""{"VideoTemplate":{"Codec":"h266"}}""", "InvalidParameterValue.VideoCodec"),
        ["VideoTemplateInfo.Vcrf"] = new("""{"VideoTemplate":{"Mode":"CBR","Vcrf":23}}""", "InvalidParameterValue.Vcrf"),
        ["VideoTemplateInfo.Stereo3dType"] = new("""{"VideoTemplate":{"Stereo3dType":"side_by_side"}}""", "InvalidParameterValue.Stereo3dType"),
        ["VideoTemplateInfo.VideoProfile"] = new("""{"VideoTemplate":{"Codec":"h265","VideoProfile":"high"}}""", "InvalidParameterValue.VideoProfile"),
        ["VideoTemplateInfo.VideoLevel"] = new("""{"VideoTemplate":{"Codec":"h265","VideoLevel":"8.5"}}""", "InvalidParameterValue.VideoLevel"),
        ["VideoTemplateInfo.Bframes"] = new("""{"VideoTemplate":{"VideoProfile":"baseline","Bframes":2}}""", "InvalidParameterValue.Bframes"),
        ["VideoTemplateInfo.Sar"] = new("""{"VideoTemplate":{"Sar":"8:1"}}""", "InvalidParameterValue.Sar"),
        ["VideoTemplateInfo.NoScenecut"] = new("""{"Container":"webm","VideoTemplate":{"Codec":"vp9","NoScenecut":1},"AudioTemplate":{"Codec":"opus","SampleRate":48000}}""", "InvalidParameterValue.NoScenecut"),
        ["VideoTemplateInfo.BitDepth"] = new("""{"VideoTemplate":{"BitDepth":10}}""", "InvalidParameterValue.BitDepth"),
        ["VideoTemplateInfo.RawPts"] = new("""{"VideoTemplate":{"RawPts":1}}""", "InvalidParameterValue.RawPts"),
        ["VideoTemplateInfo.Compress"] = new("""{"VideoTemplate":{"Compress":50}}""", "InvalidParameterValue.Compress"),
        ["VideoTemplateInfo.SegmentSpecificInfo"] = new("""{"VideoTemplate":{"SegmentSpecificInfo":{"Switch":"on","FragmentTime":2,"FragmentEndNum":1}}}""", "InvalidParameterValue.SegmentSpecificInfo"),
        ["VideoTemplateInfo.ScenarioBased"] = new("""{"VideoTemplate":{"ScenarioBased":1}}""", "InvalidParameterValue.ScenarioBased"),
        ["VideoTemplateInfo.SceneType"] = new("""{"VideoTemplate":{"SceneType":"ugc"}}""", "InvalidParameterValue.SceneType"),
        ["VideoTemplateInfo.CompressType"] = new("""{"VideoTemplate":{"CompressType":"high_compress"}}""", "InvalidParameterValue.CompressType"),
        ["VideoTemplateInfo.ContentAdaptStream"] = new("""{"VideoTemplate":{"ContentAdaptStream":1}}""", "InvalidParameterValue.ContentAdaptStream"),
        ["AudioTemplateInfo.Codec"] = new("""{"AudioTemplate":{"Codec":"copy"}}""", "InvalidParameterValue.AudioCodec"),
        ["VideoTemplateInfo.Mode"] = new("""{"Container":"webm","VideoTemplate":{"Codec":"av1","Mode":"CBR"},"AudioTemplate":{"Codec":"opus"}}""", "InvalidParameterValue.Mode"),
        ["AudioTemplateInfo.Bitrate"] = new("""{"Container":"flac","AudioTemplate":{"Codec":"flac","Bitrate":128}}""", "InvalidParameterValue.AudioBitrate", Preset: 1010),
        ["AudioTemplateInfo.AudioChannel"] = new("""{"AudioTemplate":{"Codec":"mp3","AudioChannel":6}}""", "InvalidParameterValue.AudioChannel"),
        ["AudioTemplateInfo.TrackChannelInfo"] = new("""{"AudioTemplate":{"TrackChannelInfo":{"ChannelsRemix":1,"SelectType":"track","InputTrackInfo":[{"TrackIndex":0}]}}}""", "InvalidParameterValue.TrackChannelInfo"),
        ["AudioTemplateInfo.AudioLanguage"] = new("""{"AudioTemplate":{"AudioLanguage":"english"}}""", "InvalidParameterValue.AudioLanguage"),
        ["AudioTemplateInfo.AudioName"] = new("""{"Container":"ts","AudioTemplate":{"AudioName":"commentary"}}""", "InvalidParameterValue.AudioName"),
        ["AudioTemplateInfo.DefaultTrack"] = new("""{"AudioTemplate":{"DefaultTrack":false}}""", "InvalidParameterValue.DefaultTrack"),
        ["AudioTemplateInfo.StreamSelects"] = new("""{"Container":"flv","AudioTemplate":{"StreamSelects":[0,1]}}""", "InvalidParameterValue.StreamSelects"),
        ["TranscodeTaskInput.RawParameter"] = new("""{"Definition":100010,"RawParameter":{"Container":"mp4"}}""", "InvalidParameterValue.RawParameter"),
        ["TranscodeTaskInput.OutputStorage"] = new("""{"Definition":100010,"OutputStorage":{"Type":"AWS-S3"}}""", ApiErrorCodes.UnsupportedOperation),
        ["TranscodeTaskInput.SegmentObjectName"] = new("""{"Definition":100210,"SegmentObjectName":"segs/{inputName}_{number}.{format}"}""", "InvalidParameterValue.SegmentObjectName"),
        ["TranscodeTaskInput.OverrideParameter"] = new("""{"Definition":100010,"OverrideParameter":{"AddOnSubtitles":[{"Type":"close-caption-608","Subtitle":{"Type":"COS","CosInputInfo":{"Bucket":"b-1","Region":"ap-guangzhou","Object":"/a.scc"}}}]}}""", "InvalidParameterValue.AddOnSubtitles"),
        ["TranscodeTaskInput.WatermarkSet"] = new("""{"Definition":100010,"WatermarkSet":[{"Definition":0}]}""", "InvalidParameterValue.RawParameter"),
        ["TranscodeTaskInput.BlindWatermark"] = new("""{"Definition":100010,"BlindWatermark":{"Definition":1}}""", "InvalidParameterValue.BlindWatermark"),
        ["TranscodeTaskInput.HeadTailParameter"] = new("""{"Definition":100010,"HeadTailParameter":{"HeadSet":[{"Type":"URL","UrlInputInfo":{"Url":"http://example.com/a.mp4"}}]}}""", "InvalidParameterValue.HeadTailParameter"),
    };

    /// <summary>The API's reading: PascalCase names as declared, case-sensitive.</summary>
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = false };

    private static readonly Lazy<IReadOnlyList<CoverageRow>> Table = new(ReadTable);

    [Fact]
    public void Table_RowsAreWellFormed()
    {
        var problems = CoverageTable.Malformed(Table.Value, Statuses);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EveryDtoProperty_HasARow()
    {
        var rows = Table.Value.Select(r => r.Field).ToHashSet(StringComparer.Ordinal);
        var missing = WireProperties().Select(p => Name(p)).Where(name => !rows.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"docs/coverage/transcode.md has no row for: {string.Join(", ", missing)} (map and test it, or refuse it)");
    }

    [Fact]
    public void EveryRow_NamesAWireField()
    {
        var properties = WireProperties().Select(p => Name(p)).ToHashSet(StringComparer.Ordinal);
        var stale = Table.Value
            .Where(r => !properties.Contains(r.Field))
            // Node fields that are not properties land in TranscodeTaskInput.NotYetSupported; they can only be refused.
            .Where(r => !(r.Field.StartsWith($"{nameof(TranscodeTaskInput)}.", StringComparison.Ordinal) && r.Status == "refused"))
            .Select(r => $"line {r.Line}: {r.Field}")
            .ToList();
        Assert.True(stale.Count == 0, $"rows naming no wire property (renamed, removed, or a node field that is not refused): {string.Join(", ", stale)}");
    }

    [Fact]
    public void EveryNamedTest_Exists()
    {
        var missing = CoverageTable.MissingTests(Table.Value);
        Assert.True(missing.Count == 0, $"tests named in docs/coverage/transcode.md that are not [Fact]/[Theory] methods of Mediaflow.Media.Tests or Mediaflow.Domain.Tests:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void RefusedValue_IsRefused()
    {
        var problems = new List<string>();
        var needingExample = Table.Value.Where(r => r.Status is "refused" or "partly").Select(r => r.Field).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(needingExample.Where(f => !RefusedExamples.ContainsKey(f)).Select(f => $"{f}: no refused example in {nameof(RefusedExamples)}"));
        problems.AddRange(RefusedExamples.Keys.Where(f => !needingExample.Contains(f)).Select(f => $"{f}: has a refused example but the table says it is implemented"));

        foreach (var (field, example) in RefusedExamples.Where(e => needingExample.Contains(e.Key)))
        {
            var row = Table.Value.Single(r => r.Field == field);
            var code = field.StartsWith($"{nameof(TranscodeTaskInput)}.", StringComparison.Ordinal)
                ? RefusalOfNode(field, example, problems)
                : RefusalOfTemplate(field, example, problems);
            if (code is null)
            {
                continue;
            }

            if (code != example.Code)
            {
                problems.Add($"{field}: refused with {code}, expected {example.Code}");
            }
            else if (row.Status == "refused" && !code.StartsWith(ApiErrorCodes.InvalidParameterValue, StringComparison.Ordinal))
            {
                problems.Add($"{field}: refused fields answer InvalidParameterValue.<Field> (DESIGN §7.5), not {code}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The code <see cref="TranscodeTemplateRules.Validate"/> refuses the example with, or null (problem recorded).</summary>
    private static string? RefusalOfTemplate(string field, Example example, List<string> problems)
    {
        var preset = PresetTranscodeTemplates.Find(example.Preset) ?? throw new InvalidOperationException($"no preset {example.Preset}");
        TranscodeTemplateRules.Validate(preset); // the base is valid: any refusal comes from the example

        var json = JsonSerializer.SerializeToNode(preset, Wire)!.AsObject();
        Merge(json, JsonNode.Parse(example.Patch)!.AsObject());
        var template = json.Deserialize<TranscodeTemplate>(Wire)!;
        var (typeName, property) = Split(field);
        object? holder = typeName switch
        {
            nameof(TranscodeTemplate) => template,
            nameof(VideoTemplateInfo) => template.VideoTemplate,
            nameof(AudioTemplateInfo) => template.AudioTemplate,
            nameof(TehdConfig) => template.TEHDConfig,
            nameof(VideoEnhanceConfig) => template.EnhanceConfig?.VideoEnhance,
            nameof(AudioEnhanceConfig) => template.EnhanceConfig?.AudioEnhance,
            _ => throw new InvalidOperationException($"{field}: not a template field"),
        };
        if (holder?.GetType().GetProperty(property)?.GetValue(holder) is null)
        {
            problems.Add($"{field}: the example {example.Patch} does not set it (misspelt?)");
            return null;
        }

        try
        {
            TranscodeTemplateRules.Validate(template);
        }
        catch (ApiException e)
        {
            return e.Code;
        }

        problems.Add($"{field}: {example.Patch} on preset {example.Preset} is accepted, but the table says the value is refused");
        return null;
    }

    /// <summary>The code <see cref="OrchestrationRules.ValidateActivities"/> refuses a node with the example, or null.</summary>
    private static string? RefusalOfNode(string field, Example example, List<string> problems)
    {
        OrchestrationRules.ValidateActivities(Node("""{"Definition":100010}"""));

        var activities = Node(example.Patch);
        var node = activities[1].ActivityPara!.TranscodeTask!;
        var property = Split(field).Property;
        var set = typeof(TranscodeTaskInput).GetProperty(property) is { } p
            ? p.GetValue(node) is not null
            : node.NotYetSupported?.ContainsKey(property) == true;
        if (!set)
        {
            problems.Add($"{field}: the example {example.Patch} does not set it (misspelt?)");
            return null;
        }

        try
        {
            OrchestrationRules.ValidateActivities(activities);
        }
        catch (ApiException e)
        {
            return e.Code;
        }

        problems.Add($"{field}: a node with {example.Patch} is accepted, but the table says the value is refused");
        return null;
    }

    private static List<Activity> Node(string transcodeTask) => JsonSerializer.Deserialize<List<Activity>>(
        """[{"ActivityType":"input","ReardriveIndex":[1]},{"ActivityType":"action-trans","ReardriveIndex":[2],"ActivityPara":{"TranscodeTask":"""
        + transcodeTask + """}},{"ActivityType":"output"}]""", Wire)!;

    /// <summary>Objects merge member by member; anything else replaces.</summary>
    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    /// <summary>Public settable properties of the DTOs, minus bookkeeping and extension data.</summary>
    private static IEnumerable<PropertyInfo> WireProperties() => Dtos
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Where(p => p.CanWrite) // computed properties (IsAudioOnly) are not on the wire as input
        .Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
        .Where(p => !Bookkeeping.Contains(Name(p)));

    private static string Name(PropertyInfo p) => $"{p.DeclaringType!.Name}.{p.Name}";

    private static (string Type, string Property) Split(string field) => (field[..field.IndexOf('.', StringComparison.Ordinal)], field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..]);

    private static List<CoverageRow> ReadTable() => CoverageTable.Read("transcode.md");

    private sealed record Example(string Patch, string Code, long Preset = 100010);
}
