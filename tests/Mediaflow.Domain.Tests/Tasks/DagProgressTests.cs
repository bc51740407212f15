using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using static Mediaflow.Domain.Tests.Orchestrations.Dag;

namespace Mediaflow.Domain.Tests.Tasks;

public class DagProgressTests
{
    /// <summary>Every action node of the graph in the given state (input and output carry no state).</summary>
    private static Dictionary<int, NodeStatus> All(IReadOnlyList<Activity> activities, NodeStatus status) =>
        Enumerable.Range(0, activities.Count)
            .Where(i => activities[i].ActivityType is not (ActivityTypes.Input or ActivityTypes.Output))
            .ToDictionary(i => i, _ => status);

    [Fact]
    public void Evaluate_SimpleGraph_TheTranscodeIsReady() =>
        Assert.Equal([1], DagProgress.Evaluate(Simple(), new Dictionary<int, NodeStatus> { [1] = NodeStatus.Waiting }).Ready);

    [Fact]
    public void Evaluate_FreshTask_NodesAfterInputAreReady()
    {
        var activities = Terraform();
        var next = DagProgress.Evaluate(activities, All(activities, NodeStatus.Waiting));

        Assert.Equal([1, 2], next.Ready.Order());
        Assert.Empty(next.Skip);
        Assert.False(next.Finished);
    }

    [Fact]
    public void Evaluate_PredecessorSucceeded_SuccessorsReady()
    {
        var activities = Terraform();
        var states = All(activities, NodeStatus.Waiting);
        states[1] = NodeStatus.Success;
        states[2] = NodeStatus.Processing;

        var next = DagProgress.Evaluate(activities, states);

        Assert.Equal([3], next.Ready);
        Assert.Empty(next.Skip);
    }

    [Fact]
    public void Evaluate_PredecessorProcessing_SuccessorWaits()
    {
        Activity[] chain = [Input(1), Trans(2), Trans(3), Output()];
        var next = DagProgress.Evaluate(chain, new Dictionary<int, NodeStatus> { [1] = NodeStatus.Processing, [2] = NodeStatus.Waiting });

        Assert.Empty(next.Ready);
        Assert.Empty(next.Skip);
        Assert.False(next.Finished);
    }

    [Fact]
    public void Evaluate_ProcessingNodes_NotReadyAgain()
    {
        var activities = Terraform();
        var states = All(activities, NodeStatus.Waiting);
        states[1] = NodeStatus.Processing;

        Assert.Equal([2], DagProgress.Evaluate(activities, states).Ready);
    }

    [Fact]
    public void Evaluate_FailInAChain_SkipsEveryNodeBelowInOneEvaluationNamingTheCause()
    {
        // 0 → 1 → 2 → 3 → 4 → output
        Activity[] chain = [Input(1), Trans(2), Trans(3), Trans(4), Trans(5), Output()];
        var states = All(chain, NodeStatus.Waiting);
        states[1] = NodeStatus.Success;
        states[2] = NodeStatus.Fail;

        var next = DagProgress.Evaluate(chain, states);

        Assert.Empty(next.Ready);
        Assert.Equal([(3, 2), (4, 3)], next.Skip);
        Assert.True(next.Finished);
    }

    [Fact]
    public void Evaluate_FailOnOneBranch_SiblingBranchIndependent()
    {
        var activities = Terraform();
        var states = All(activities, NodeStatus.Waiting);
        states[1] = NodeStatus.Fail;
        states[2] = NodeStatus.Success;

        var next = DagProgress.Evaluate(activities, states);

        Assert.Equal([6, 7], next.Ready.Order());
        Assert.Equal([3, 4, 5], next.Skip.Select(s => s.Node).Order());
        Assert.Contains((3, 1), next.Skip);
        Assert.Contains((4, 3), next.Skip);
        Assert.Contains((5, 3), next.Skip);
        Assert.False(next.Finished);
    }

    [Fact]
    public void Evaluate_SiblingFailed_OtherSiblingKeepsRunning()
    {
        Activity[] fanOut = [Input(1, 2), Trans(3), Trans(3), Output()];
        var next = DagProgress.Evaluate(fanOut, new Dictionary<int, NodeStatus> { [1] = NodeStatus.Fail, [2] = NodeStatus.Processing });

        Assert.Empty(next.Ready);
        Assert.Empty(next.Skip);
        Assert.False(next.Finished);
    }

    [Fact]
    public void Evaluate_AlreadySkippedPredecessor_PropagatesSkip()
    {
        Activity[] chain = [Input(1), Trans(2), Trans(3), Output()];
        var next = DagProgress.Evaluate(chain, new Dictionary<int, NodeStatus> { [1] = NodeStatus.Skipped, [2] = NodeStatus.Waiting });

        Assert.Equal([(2, 1)], next.Skip);
        Assert.True(next.Finished);
    }

    [Fact]
    public void Evaluate_TerminalNodes_NotTouched()
    {
        Activity[] chain = [Input(1), Trans(2), Trans(3), Output()];
        var next = DagProgress.Evaluate(chain, new Dictionary<int, NodeStatus> { [1] = NodeStatus.Fail, [2] = NodeStatus.Success });

        Assert.Empty(next.Ready);
        Assert.Empty(next.Skip);
        Assert.True(next.Finished);
    }

    [Fact]
    public void Evaluate_AllSucceeded_Finished()
    {
        var activities = Terraform();
        var next = DagProgress.Evaluate(activities, All(activities, NodeStatus.Success));

        Assert.Empty(next.Ready);
        Assert.Empty(next.Skip);
        Assert.True(next.Finished);
    }

    [Fact]
    public void Evaluate_MixOfTerminalStates_Finished()
    {
        var activities = Terraform();
        var states = All(activities, NodeStatus.Success);
        states[3] = NodeStatus.Fail;
        states[4] = NodeStatus.Skipped;
        states[5] = NodeStatus.Skipped;

        Assert.True(DagProgress.Evaluate(activities, states).Finished);
    }

    [Theory]
    [InlineData(NodeStatus.Waiting)]
    [InlineData(NodeStatus.Processing)]
    public void Evaluate_OneNodeNotTerminal_NotFinished(NodeStatus status)
    {
        var activities = Terraform();
        var states = All(activities, NodeStatus.Success);
        states[9] = status;

        Assert.False(DagProgress.Evaluate(activities, states).Finished);
    }

    [Fact]
    public void Evaluate_DoesNotMutateTheGivenStates()
    {
        Activity[] chain = [Input(1), Trans(2), Trans(3), Output()];
        var states = new Dictionary<int, NodeStatus> { [1] = NodeStatus.Fail, [2] = NodeStatus.Waiting };

        DagProgress.Evaluate(chain, states);

        Assert.Equal(NodeStatus.Waiting, states[2]);
    }

    [Fact]
    public void Evaluate_WholeRunOfTerraformDrivenToTheEnd_EveryNodeRunsOnceInDependencyOrder()
    {
        var activities = Terraform();
        var states = All(activities, NodeStatus.Waiting);
        var ran = new List<int>();
        for (var step = 0; step < 20; step++)
        {
            var next = DagProgress.Evaluate(activities, states);
            if (next.Finished)
            {
                break;
            }

            Assert.NotEmpty(next.Ready);
            foreach (var node in next.Ready)
            {
                states[node] = NodeTransitions.Move(NodeTransitions.Move(states[node], NodeStatus.Processing), NodeStatus.Success);
                ran.Add(node);
            }
        }

        Assert.Equal(Enumerable.Range(1, 9), ran.Order());
        Assert.True(ran.IndexOf(3) > ran.IndexOf(1));
        Assert.True(ran.IndexOf(9) > ran.IndexOf(8));
        Assert.True(DagProgress.Evaluate(activities, states).Finished);
    }

    /// <summary>input → IF(1) → [trans(2) → trans(4), trans(3)] → output(5).</summary>
    private static Activity[] Branches() =>
    [
        Input(1),
        Node(ActivityTypes.ExecRules, new ActivityPara { ExecRulesTask = new ExecRulesTaskInput() }, 2, 3),
        Trans(4),
        Trans(5),
        Trans(5),
        Output(),
    ];

    [Fact]
    public void Evaluate_IfSelectedOneBranch_ItRunsTheOtherIsSkippedDownToTheOutput()
    {
        var activities = Branches();
        var states = All(activities, NodeStatus.Waiting);
        states[1] = NodeStatus.Success;

        var next = DagProgress.Evaluate(activities, states, new Dictionary<int, IReadOnlySet<int>> { [1] = new HashSet<int> { 3 } });

        Assert.Equal([3], next.Ready);
        Assert.Equal([(2, 1), (4, 2)], next.Skip);
        Assert.False(next.Finished);
    }

    [Fact]
    public void Evaluate_IfSelectedNothing_EverythingBelowSkippedAndTaskFinished()
    {
        var activities = Branches();
        var states = All(activities, NodeStatus.Waiting);
        states[1] = NodeStatus.Success;

        var next = DagProgress.Evaluate(activities, states, new Dictionary<int, IReadOnlySet<int>> { [1] = new HashSet<int>() });

        Assert.Empty(next.Ready);
        Assert.Equal([2, 3, 4], next.Skip.Select(s => s.Node).Order());
        Assert.True(next.Finished);
    }

    [Fact]
    public void Evaluate_IfNotDecidedYet_ItIsReadyAndNothingBelowMoves()
    {
        var activities = Branches();
        var next = DagProgress.Evaluate(activities, All(activities, NodeStatus.Waiting), new Dictionary<int, IReadOnlySet<int>>());

        Assert.Equal([1], next.Ready);
        Assert.Empty(next.Skip);
    }
}
