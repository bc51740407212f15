using System.Text.Json;
using Mediaflow.Domain.Conditions;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tests.Orchestrations;
using static Mediaflow.Domain.Tests.Conditions.RuleEvaluatorTests;
using static Mediaflow.Domain.Tests.Orchestrations.Dag;

namespace Mediaflow.Domain.Tests.Conditions;

public class ExecRulesValidationTests
{
    private static Activity If(IReadOnlyList<long> next, params ExecRule[] rules) =>
        Node(ActivityTypes.ExecRules, new ActivityPara { ExecRulesTask = new ExecRulesTaskInput { Rules = rules } }, [.. next]);

    /// <summary>input → IF(1) → trans(2) | trans(3) → output(4).</summary>
    private static Activity[] Branching(params ExecRule[] rules) => [Input(1), If([2, 3], rules), Trans(4), Trans(4), Output()];

    [Fact]
    public void ValidateActivities_SourceKeysWithElse_Accepted() =>
        OrchestrationRules.ValidateActivities(Branching(
            Rule("&&", [2], ("Width", ">=1280"), ("HasAudio", "true"), ("VideoCodec", "!=hevc")),
            Rule("||", [3], ("Container", "mp4"), ("Fps", "<24"), ("HasVideo", "")),
            Rule(null, [])));

    [Fact]
    public void ValidateActivities_UnknownKey_RefusedNamingNodeAndKey()
    {
        var error = Refusal.ExpectNode(1, () => OrchestrationRules.ValidateActivities(Branching(Rule("&&", [2], ("Resolution", ">=720")))));
        Assert.Contains("Rules[0].Conditions[0].Key 'Resolution' is not a condition key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateActivities_KeyIsCaseSensitive_Refused() =>
        Refusal.ExpectNode(1, () => OrchestrationRules.ValidateActivities(Branching(Rule("&&", [2], ("width", ">=720")))));

    [Theory]
    [InlineData("Blur", "action-AIQualityControl")]
    [InlineData("SSIM", "action-AIQualityControl")]
    [InlineData("VideoResolutionChanged", "action-AIQualityControl")]
    [InlineData("ReviewSuggestion", "action-aiReview")]
    public void ValidateActivities_KeyNoAncestorProduces_RefusedNamingNodeAndKey(string key, string family)
    {
        var value = key == "SSIM" ? "<0.97" : key == "ReviewSuggestion" ? "block" : "true";
        var error = Refusal.ExpectNode(1, () => OrchestrationRules.ValidateActivities(Branching(Rule("&&", [2], (key, value)))));
        Assert.Contains($"Key '{key}' is produced by {family}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A QC node above the IF node produces the QC keys; one beside it (not an ancestor) does not.</summary>
    [Fact]
    public void Validate_QcKeys_OnlyFromAnAncestorQcNode()
    {
        var rule = Rule("&&", [3], ("Blur", ""), ("QualityEvaluationScore", "<60"), ("NoAudio", "false"));
        Activity[] below = [Input(1), Node(ConditionKeys.QualityControlActivity, null, 2), If([3, 4], rule, Rule(null, [4])), Trans(5), Trans(5), Output()];
        ExecRulesValidation.Validate(2, below, DagGraph.From(below));

        Activity[] beside = [Input(1, 2), Node(ConditionKeys.QualityControlActivity, null, 5), If([3, 4], rule), Trans(5), Trans(5), Output()];
        var error = Assert.Throws<ApiException>(() => ExecRulesValidation.Validate(2, beside, DagGraph.From(beside)));
        Assert.StartsWith("Activities[2]: Rules[0].Conditions[0].Key 'Blur'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Width", "=>1280", "'='")]
    [InlineData("Width", ">>1280", "'>>'")]
    [InlineData("Width", ">=", "no value")]
    [InlineData("Width", ">=wide", "is a number")]
    [InlineData("HasAudio", ">=1", "true or false")]
    [InlineData("HasAudio", "yes", "true or false")]
    [InlineData("VideoCodec", ">h264", "not an ordering")]
    [InlineData("VideoCodec", "264", "not an ordering")]
    public void ValidateActivities_BadValue_RefusedWithWhy(string key, string value, string why)
    {
        var error = Refusal.ExpectNode(1, () => OrchestrationRules.ValidateActivities(Branching(Rule("&&", [2], (key, value)))));
        Assert.Contains($"Rules[0].Conditions[0].Value '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateActivities_RearDriveIndexNotASuccessor_Refused()
    {
        var error = Refusal.ExpectNode(1, () => OrchestrationRules.ValidateActivities(Branching(Rule("&&", [4], ("Width", "1280")))));
        Assert.Contains("RearDriveIndexs: 4 is not a successor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateActivities_BadLinker_Refused() =>
        Assert.Contains("Linker 'and'", Refusal.ExpectNode(1, () => OrchestrationRules.ValidateActivities(Branching(Rule("and", [2], ("Width", "1280"))))).Message,
            StringComparison.Ordinal);

    [Fact]
    public void ValidateActivities_NoRules_Refused() =>
        Refusal.ExpectNode(1, () => OrchestrationRules.ValidateActivities(Branching()));

    [Fact]
    public void ValidateActivities_MissingKey_Refused() =>
        Assert.Contains("Key is required", Refusal.ExpectNode(1, () => OrchestrationRules.ValidateActivities(Branching(Rule("&&", [2], ("", "1"))))).Message,
            StringComparison.Ordinal);

    /// <summary>The wire JSON of an IF node deserializes to the typed model and serializes back byte for byte (raw strings kept).</summary>
    [Fact]
    public void ExecRulesTask_Json_RoundTripsRawStrings()
    {
        const string wire = """{"Rules":[{"Id":"r1","Conditions":[{"Key":"Width","Value":" >=  1280 "},{"Key":"Blur","Value":""},{"Key":"VideoCodec","Value":"HEVC"}],"Linker":"||","RearDriveIndexs":[2]},{"Conditions":[],"RearDriveIndexs":[3]}]}""";
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        var para = JsonSerializer.Deserialize<ActivityPara>($$"""{"ExecRulesTask":{{wire}}}""", options)!;

        Assert.Equal(["ExecRulesTask"], para.SetMembers());
        Assert.Equal(wire, JsonSerializer.Serialize(para.ExecRulesTask, options));
    }
}
