using System.Reflection;
using System.Text.Json.Serialization;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using Mediaflow.Domain.Tests.Orchestrations;

namespace Mediaflow.Media.Tests.Coverage;

/// <summary>
/// Keeps docs/coverage/images.md honest (DESIGN §7.5): every wire field of the screenshot families and their nodes is
/// mapped and tested or refused, the stored-only families cannot be used yet, every named test exists.
/// </summary>
public class ImageCoverageTests
{
    private static readonly Type[] Dtos =
    [
        typeof(SnapshotByTimeOffsetTemplate), typeof(SampleSnapshotTemplate), typeof(ImageSpriteTemplate), typeof(AnimatedGraphicsTemplate),
        typeof(WatermarkTemplate), typeof(AdaptiveDynamicStreamingTemplate),
        typeof(SnapshotByTimeOffsetTaskInput), typeof(SampleSnapshotTaskInput), typeof(ImageSpriteTaskInput), typeof(AnimatedGraphicTaskInput),
        typeof(AdaptiveDynamicStreamingTaskInput),
    ];

    private static readonly Dictionary<Type, string> NodeTypes = new()
    {
        [typeof(SnapshotByTimeOffsetTaskInput)] = ActivityTypes.SnapshotByTimeOffset,
        [typeof(SampleSnapshotTaskInput)] = ActivityTypes.SampleSnapshot,
        [typeof(ImageSpriteTaskInput)] = ActivityTypes.ImageSprite,
        [typeof(AnimatedGraphicTaskInput)] = ActivityTypes.AnimatedGraphics,
        [typeof(AdaptiveDynamicStreamingTaskInput)] = ActivityTypes.AdaptiveDynamicStreaming,
    };

    private static readonly string[] Statuses = ["implemented", "partly", "refused", "stored"];

    /// <summary>A node (ActivityPara member JSON) that asks for the refused value, and the code it is refused with.</summary>
    private static readonly Dictionary<string, (string Member, string Code)> RefusedExamples = new(StringComparer.Ordinal)
    {
        ["SnapshotByTimeOffsetTaskInput.OutputStorage"] = ("""{"Definition":10,"ExtTimeOffsetSet":["1s"],"OutputStorage":{"Type":"AWS-S3"}}""", ApiErrorCodes.UnsupportedOperation),
        ["SnapshotByTimeOffsetTaskInput.WatermarkSet"] = ("""{"Definition":10,"ExtTimeOffsetSet":["1s"],"WatermarkSet":[{"Definition":1,"TextContent":"x"}]}""", "InvalidParameterValue.TextContent"),
        ["SnapshotByTimeOffsetTaskInput.ExtInfo"] = ("""{"Definition":10,"ExtTimeOffsetSet":["1s"],"ExtInfo":"x"}""", "InvalidParameterValue.ExtInfo"),
        ["SampleSnapshotTaskInput.OutputStorage"] = ("""{"Definition":10,"OutputStorage":{"Type":"VOD"}}""", ApiErrorCodes.UnsupportedOperation),
        ["SampleSnapshotTaskInput.WatermarkSet"] = ("""{"Definition":10,"WatermarkSet":[{"Definition":0}]}""", "InvalidParameterValue.RawParameter"),
        ["SampleSnapshotTaskInput.ExtInfo"] = ("""{"Definition":10,"ExtInfo":"x"}""", "InvalidParameterValue.ExtInfo"),
        ["ImageSpriteTaskInput.OutputStorage"] = ("""{"Definition":10,"OutputStorage":{"Type":"AWS-S3"}}""", ApiErrorCodes.UnsupportedOperation),
        ["ImageSpriteTaskInput.ExtInfo"] = ("""{"Definition":10,"ExtInfo":"x"}""", "InvalidParameterValue.ExtInfo"),
        ["AnimatedGraphicTaskInput.OutputStorage"] = ("""{"Definition":10,"StartTimeOffset":0,"EndTimeOffset":1,"OutputStorage":{"Type":"AWS-S3"}}""", ApiErrorCodes.UnsupportedOperation),
        ["AnimatedGraphicTaskInput.ExtInfo"] = ("""{"Definition":10,"StartTimeOffset":0,"EndTimeOffset":1,"ExtInfo":"x"}""", "InvalidParameterValue.ExtInfo"),
        ["AdaptiveDynamicStreamingTaskInput.OutputStorage"] = ("""{"Definition":10,"OutputStorage":{"Type":"VOD"}}""", ApiErrorCodes.UnsupportedOperation),
        ["AdaptiveDynamicStreamingTaskInput.DrmInfo"] = ("""{"Definition":10,"DrmInfo":{"Type":"widevine"}}""", "InvalidParameterValue.DrmInfo"),
        ["AdaptiveDynamicStreamingTaskInput.WatermarkSet"] = ("""{"Definition":10,"WatermarkSet":[{"Definition":0}]}""", "InvalidParameterValue.RawParameter"),
        ["AdaptiveDynamicStreamingTaskInput.BlindWatermark"] = ("""{"Definition":10,"BlindWatermark":{"Definition":1}}""", "InvalidParameterValue.BlindWatermark"),
        ["AdaptiveDynamicStreamingTaskInput.AddOnSubtitles"] = ("""{"Definition":10,"AddOnSubtitles":[{"Type":"close-caption-608","Subtitle":{"Type":"COS","CosInputInfo":{"Bucket":"b-1","Region":"ap-guangzhou","Object":"/a.scc"}}}]}""", "InvalidParameterValue.AddOnSubtitles"),
        ["AdaptiveDynamicStreamingTaskInput.AddOnAudios"] = ("""{"Definition":10,"AddOnAudios":[{}]}""", "InvalidParameterValue.AddOnAudios"),
        ["AdaptiveDynamicStreamingTaskInput.SubtitleTemplate"] = ("""{"Definition":10,"SubtitleTemplate":{"Path":"x"}}""", "InvalidParameterValue.SubtitleTemplate"),
        ["AdaptiveDynamicStreamingTaskInput.StdExtInfo"] = ("""{"Definition":10,"StdExtInfo":"{}"}""", "InvalidParameterValue.StdExtInfo"),
        ["AdaptiveDynamicStreamingTaskInput.KeyPTSList"] = ("""{"Definition":10,"KeyPTSList":[1000]}""", "InvalidParameterValue.KeyPTSList"),
        ["AdaptiveDynamicStreamingTaskInput.StdExtStreamInfos"] = ("""{"Definition":10,"StdExtStreamInfos":[{}]}""", "InvalidParameterValue.StdExtStreamInfos"),
    };

    /// <summary>A template that asks for a refused value of a template field, and the code Create refuses it with.</summary>
    private static readonly Dictionary<string, (Action Validate, string Code)> RefusedTemplateExamples = new(StringComparer.Ordinal)
    {
        ["AdaptiveDynamicStreamingTemplate.StreamInfos"] = (() => StoredOnlyTemplateRules.ValidateAdaptive(Adaptive("HLS", "ts-segment") with
        {
            StreamInfos = [new AdaptiveStreamTemplate { Audio = new AudioTemplateInfo { Codec = "aac", Bitrate = 64, SampleRate = 44100 }, RemoveVideo = 1, AudioList = [new AudioTemplateInfo { Codec = "aac" }] }],
        }), "InvalidParameterValue.AudioList"),
        ["AdaptiveDynamicStreamingTemplate.SegmentType"] = (() => StoredOnlyTemplateRules.ValidateAdaptive(Adaptive("HLS", "ts-byterange")), "InvalidParameterValue.SegmentType"),
    };

    private static AdaptiveDynamicStreamingTemplate Adaptive(string format, string segmentType) => new()
    {
        Format = format,
        SegmentType = segmentType,
        StreamInfos = [new AdaptiveStreamTemplate { Audio = new AudioTemplateInfo { Codec = "aac", Bitrate = 64, SampleRate = 44100 }, RemoveVideo = 1 }],
    };

    private static readonly Lazy<IReadOnlyList<CoverageRow>> Table = new(() => CoverageTable.Read("images.md"));

    [Fact]
    public void Table_RowsAreWellFormed()
    {
        var problems = CoverageTable.Malformed(Table.Value, Statuses);
        problems.AddRange(Table.Value.Where(r => r.Status == "stored" && !r.Field.StartsWith("WatermarkTemplate.", StringComparison.Ordinal))
            .Select(r => $"{r.Field}: only the watermark family is stored-only"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EveryDtoProperty_HasARow()
    {
        var rows = Table.Value.Select(r => r.Field).ToHashSet(StringComparer.Ordinal);
        var missing = WireProperties().Where(name => !rows.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"docs/coverage/images.md has no row for: {string.Join(", ", missing)} (map and test it, or refuse it)");
    }

    [Fact]
    public void EveryRow_NamesAWireField()
    {
        var properties = WireProperties().ToHashSet(StringComparer.Ordinal);
        var stale = Table.Value
            .Where(r => !properties.Contains(r.Field))
            .Where(r => !(r.Field.Contains("TaskInput.", StringComparison.Ordinal) && r.Status == "refused")) // members caught by NotYetSupported
            .Select(r => $"line {r.Line}: {r.Field}")
            .ToList();
        Assert.True(stale.Count == 0, $"rows naming no wire property: {string.Join(", ", stale)}");
    }

    [Fact]
    public void EveryNamedTest_Exists()
    {
        var missing = CoverageTable.MissingTests(Table.Value);
        Assert.True(missing.Count == 0, $"tests named in docs/coverage/images.md that do not exist:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void RefusedValue_IsRefused()
    {
        var problems = new List<string>();
        var needing = Table.Value.Where(r => r.Status is "refused" or "partly").Select(r => r.Field).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(needing.Where(f => !RefusedExamples.ContainsKey(f) && !RefusedTemplateExamples.ContainsKey(f)).Select(f => $"{f}: no refused example"));
        problems.AddRange(RefusedTemplateExamples.Keys.Where(f => !needing.Contains(f)).Select(f => $"{f}: has a refused example but the table says it is implemented"));
        foreach (var (field, (validate, code)) in RefusedTemplateExamples.Where(e => needing.Contains(e.Key)))
        {
            var refused = Record.Exception(validate);
            if (refused is not ApiException { } e || e.Code != code)
            {
                problems.Add($"{field}: expected a refusal with {code}, got {refused?.Message ?? "acceptance"}");
            }
        }

        problems.AddRange(RefusedExamples.Keys.Where(f => !needing.Contains(f)).Select(f => $"{f}: has a refused example but the table says it is implemented"));
        foreach (var (field, (member, code)) in RefusedExamples.Where(e => needing.Contains(e.Key)))
        {
            var typeName = field[..field.IndexOf('.', StringComparison.Ordinal)];
            var (type, activity) = NodeTypes.Single(n => n.Key.Name == typeName);
            var para = $$"""{"{{type.Name.Replace("Input", "", StringComparison.Ordinal)}}":{{member}}}""";
            try
            {
                OrchestrationRules.ValidateActivities(ImageNodeRulesTests.Dag(activity, para));
                problems.Add($"{field}: {member} is accepted, but the table says the value is refused");
            }
            catch (ApiException e) when (e.Code != code)
            {
                problems.Add($"{field}: refused with {e.Code}, expected {code}");
            }
            catch (ApiException)
            {
                // refused as the table says
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void WatermarkSet_RefusedOnNodesThatDrawNoMarks()
    {
        // Watermarks are executed on the two screenshot nodes and the adaptive node (per rung); the spec gives sprites and
        // animated graphics no WatermarkSet.
        foreach (var (type, activity) in NodeTypes)
        {
            var required = type == typeof(SnapshotByTimeOffsetTaskInput) ? ""","ExtTimeOffsetSet":["1s"]"""
                : type == typeof(AnimatedGraphicTaskInput) ? ""","StartTimeOffset":0,"EndTimeOffset":1""" : "";
            var para = $$$"""{"{{{type.Name.Replace("Input", "", StringComparison.Ordinal)}}}":{"Definition":10{{{required}}},"WatermarkSet":[{"Definition":1}]}}""";
            void Validate() => OrchestrationRules.ValidateActivities(ImageNodeRulesTests.Dag(activity, para));
            if (type == typeof(SnapshotByTimeOffsetTaskInput) || type == typeof(SampleSnapshotTaskInput) || type == typeof(AdaptiveDynamicStreamingTaskInput))
            {
                Validate();
            }
            else
            {
                Assert.Equal("InvalidParameterValue.WatermarkSet", Assert.Throws<ApiException>(Validate).Code);
            }
        }
    }

    private static IEnumerable<string> WireProperties() => Dtos
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
        .Where(x => x.Property.CanWrite && x.Property.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
        .Where(x => !IsBookkeeping(x.Type, x.Property.Name))
        .Select(x => $"{x.Type.Name}.{x.Property.Name}");

    private static bool IsBookkeeping(Type type, string property) =>
        !NodeTypes.ContainsKey(type) && (property is "Definition" or "Name" or "Comment" or "CreateTime" or "UpdateTime"
            || (property == "Type" && type != typeof(WatermarkTemplate)));
}
