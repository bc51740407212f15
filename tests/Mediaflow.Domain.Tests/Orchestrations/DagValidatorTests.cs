using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using static Mediaflow.Domain.Tests.Orchestrations.Dag;

namespace Mediaflow.Domain.Tests.Orchestrations;

public class DagValidatorTests
{
    [Fact]
    public void Validate_TerraformElevenNodeGraph_IsValid() => DagValidator.Validate(Terraform());

    [Fact]
    public void Validate_InputTransOutput_IsValid() => DagValidator.Validate(Simple());

    [Fact]
    public void Validate_FanOutOfTwoTranscodesIntoOutput_IsValid() =>
        DagValidator.Validate([Input(1, 2), Trans(3), Trans(3), Output()]);

    [Fact]
    public void Validate_TranscodeOfATranscode_IsValid() =>
        DagValidator.Validate([Input(1), Trans(2), Trans(3), Output()]);

    [Fact]
    public void Validate_OutputNotLastAndInputNotFirst_IsValid() =>
        DagValidator.Validate([Output(), Trans(0), Input(1)]);

    [Fact]
    public void Validate_DuplicateSuccessorIndex_IsValid() =>
        DagValidator.Validate([Input(1, 1), Trans(2, 2), Output()]);

    [Fact]
    public void Validate_InputAndOutputWithEmptyActivityPara_IsValid() =>
        DagValidator.Validate(
        [
            Input(1) with { ActivityPara = new ActivityPara() },
            Trans(2),
            Output() with { ActivityPara = new ActivityPara(), ReardriveIndex = [] },
        ]);

    [Fact]
    public void Validate_PredriveIndexGiven_IsIgnored() =>
        DagValidator.Validate([Input(1), Trans(2) with { PredriveIndex = [7, 8] }, Output() with { PredriveIndex = [0] }]);

    [Fact]
    public void Validate_NullActivities_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => DagValidator.Validate(null));

    [Fact]
    public void Validate_EmptyActivities_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => DagValidator.Validate([]));

    [Fact]
    public void Validate_NullNode_NamesIt() =>
        Refusal.ExpectNode(1, () => DagValidator.Validate([Input(2), null!, Output()]));

    [Fact]
    public void Validate_MissingActivityType_NamesNode() =>
        Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Trans(2) with { ActivityType = null }, Output()]));

    [Fact]
    public void Validate_TwoInputs_NamesTheSecondInput()
    {
        var error = Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1), Trans(3), Input(3), Output()]));
        Assert.Contains("input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoInput_NamesNodeZero() =>
        Refusal.ExpectNode(0, () => DagValidator.Validate([Trans(1), Output()]));

    [Fact]
    public void Validate_OnlyAnInput_NoOutputNamesTheLastNode()
    {
        var error = Refusal.ExpectNode(0, () => DagValidator.Validate([Input()]));
        Assert.Contains("output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoOutputNode_NamesTheLastNode() =>
        Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1), Trans(2), Trans(1)]));

    [Fact]
    public void Validate_TwoOutputs_NamesTheSecondOutput()
    {
        var error = Refusal.ExpectNode(3, () => DagValidator.Validate([Input(1, 2), Trans(2), Output(), Output()]));
        Assert.Contains("output", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(99)]
    [InlineData(-1)]
    public void Validate_SuccessorIndexOutOfRange_NamesNode(long successor)
    {
        var error = Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Trans(successor), Output()]));
        Assert.Contains(successor.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SelfLoop_NamesNode() =>
        Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1), Trans(2), Trans(2, 3), Output()]));

    [Fact]
    public void Validate_CycleDisconnectedFromInput_NamesANodeOnTheCycle()
    {
        // 0 → 1 → 4; 2 ⇄ 3 is a loop of its own.
        var error = Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1), Trans(4), Trans(3), Trans(2), Output()]));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CycleFeedingALowerIndexedNode_NamesANodeOnTheCycleNotTheNodeBelowIt()
    {
        // 0 → 2 → 5; 1 hangs below the loop 3 ⇄ 4 and is not part of it.
        var error = Refusal.ExpectNode(3, () => DagValidator.Validate([Input(2), Trans(5), Trans(5), Trans(4), Trans(3, 1), Output()]));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CycleEnteredFromTheInput_NamesTheJoinNode() =>
        // 1 has predecessors 0 and 2: reported as a join, which is also what makes the loop possible.
        Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Trans(2), Trans(1, 3), Output()]));

    [Fact]
    public void Validate_ActionWithTwoPredecessors_NamesIt()
    {
        var error = Refusal.ExpectNode(3, () => DagValidator.Validate([Input(1, 2), Trans(3), Trans(3), Trans(4), Output()]));
        Assert.Contains("predecessors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ActionWithoutSuccessor_NamesIt() =>
        Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1, 2), Trans(3), Trans(), Output()]));

    [Fact]
    public void Validate_ActionWithNullSuccessorList_NamesIt() =>
        Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Trans() with { ReardriveIndex = null }, Output()]));

    [Fact]
    public void Validate_UnreachableAction_NamesIt() =>
        Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1), Trans(3), Trans(3), Output()]));

    [Fact]
    public void Validate_UnreachableChain_NamesItsHead() =>
        Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1), Trans(4), Trans(3), Trans(4), Output()]));

    [Fact]
    public void Validate_OutputNotReachable_NamesOutput() =>
        Refusal.ExpectNode(1, () => DagValidator.Validate([Input(), Output()]));

    [Fact]
    public void Validate_InputWithPredecessor_NamesInput() =>
        Refusal.ExpectNode(0, () => DagValidator.Validate([Input(1), Trans(0, 2), Output()]));

    [Fact]
    public void Validate_OutputWithSuccessor_NamesOutput() =>
        Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1), Trans(2), Output() with { ReardriveIndex = [1] }]));

    [Fact]
    public void Validate_TranscodeWithoutActivityPara_NamesNode()
    {
        var error = Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Node(ActivityTypes.Transcode, null, 2), Output()]));
        Assert.Contains("TranscodeTask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TranscodeWithEmptyActivityPara_NamesNode() =>
        Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Node(ActivityTypes.Transcode, new ActivityPara(), 2), Output()]));

    [Fact]
    public void Validate_TranscodeWithASecondParaMember_NamesNodeAndMember()
    {
        var para = TranscodePara(100010) with { Other = new() { ["SampleSnapshotTask"] = Json("""{"Definition":10}""") } };
        var error = Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Node(ActivityTypes.Transcode, para, 2), Output()]));
        Assert.Contains("SampleSnapshotTask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TranscodeWithOnlyAnotherFamilysMember_NamesNode()
    {
        var para = new ActivityPara { Other = new() { ["AiAnalysisTask"] = Json("""{"Definition":10}""") } };
        Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Node(ActivityTypes.Transcode, para, 2), Output()]));
    }

    [Fact]
    public void Validate_ExtraParaMemberThatIsNull_IsIgnored()
    {
        var para = TranscodePara(100010) with { Other = new() { ["SampleSnapshotTask"] = Json("null") } };
        DagValidator.Validate([Input(1), Node(ActivityTypes.Transcode, para, 2), Output()]);
    }

    [Theory]
    [InlineData("action-transcode")]
    [InlineData("Action-Trans")]
    [InlineData("INPUT")]
    [InlineData("action-unknown")]
    public void Validate_UnknownActivityType_NamesNodeAndType(string type)
    {
        var error = Refusal.ExpectNode(1, () => DagValidator.Validate([Input(1), Node(type, TranscodePara(10), 2), Output()]));
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKnownActionType_IsImplemented()
    {
        // The unimplemented-type refusal stays in DagValidator for types added to the catalogue before their executor.
        Assert.Empty(ActivityTypes.KnownActions.Except(ActivityTypes.ImplementedActions));
    }

    [Fact]
    public void Validate_TranscodeParaOnInput_NamesInput()
    {
        var error = Refusal.ExpectNode(0, () => DagValidator.Validate([Input(1) with { ActivityPara = TranscodePara(10) }, Trans(2), Output()]));
        Assert.Contains("TranscodeTask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ParaOnOutput_NamesOutput() =>
        Refusal.ExpectNode(2, () => DagValidator.Validate([Input(1), Trans(2), Output() with { ActivityPara = TranscodePara(10) }]));

    [Fact]
    public void Validate_UnknownParaMemberOnInput_NamesInputAndMember()
    {
        var input = Input(1) with { ActivityPara = new ActivityPara { Other = new() { ["Foo"] = Json("1") } } };
        var error = Refusal.ExpectNode(0, () => DagValidator.Validate([input, Trans(2), Output()]));
        Assert.Contains("Foo", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
