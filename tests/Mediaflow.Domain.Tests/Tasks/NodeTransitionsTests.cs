using Mediaflow.Domain.Tasks;

namespace Mediaflow.Domain.Tests.Tasks;

public class NodeTransitionsTests
{
    private static readonly (NodeStatus From, NodeStatus To)[] Allowed =
    [
        (NodeStatus.Waiting, NodeStatus.Processing),
        (NodeStatus.Waiting, NodeStatus.Skipped),
        (NodeStatus.Waiting, NodeStatus.Fail),
        (NodeStatus.Processing, NodeStatus.Success),
        (NodeStatus.Processing, NodeStatus.Fail),
        (NodeStatus.Processing, NodeStatus.Processing),
        (NodeStatus.Processing, NodeStatus.Waiting),
    ];

    public static TheoryData<NodeStatus, NodeStatus> AllowedPairs() => ToData(Allowed);

    public static TheoryData<NodeStatus, NodeStatus> RefusedPairs() =>
        ToData(Enum.GetValues<NodeStatus>().SelectMany(from => Enum.GetValues<NodeStatus>().Select(to => (from, to))).Except(Allowed));

    private static TheoryData<NodeStatus, NodeStatus> ToData(IEnumerable<(NodeStatus From, NodeStatus To)> pairs)
    {
        var data = new TheoryData<NodeStatus, NodeStatus>();
        foreach (var (from, to) in pairs)
        {
            data.Add(from, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void CanMove_AllowedTransition_True(NodeStatus from, NodeStatus to)
    {
        Assert.True(NodeTransitions.CanMove(from, to));
        Assert.Equal(to, NodeTransitions.Move(from, to));
    }

    [Theory]
    [MemberData(nameof(RefusedPairs))]
    public void CanMove_OtherTransition_FalseAndMoveThrows(NodeStatus from, NodeStatus to)
    {
        Assert.False(NodeTransitions.CanMove(from, to));
        var error = Assert.Throws<InvalidOperationException>(() => NodeTransitions.Move(from, to));
        Assert.Contains($"from {from} to {to}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedPairs_CoverEveryOtherCombination() => Assert.Equal(25 - Allowed.Length, RefusedPairs().Count);

    [Theory]
    [InlineData(NodeStatus.Success)]
    [InlineData(NodeStatus.Fail)]
    [InlineData(NodeStatus.Skipped)]
    public void CanMove_FromTerminal_NeverAgain(NodeStatus terminal) =>
        Assert.All(Enum.GetValues<NodeStatus>(), to => Assert.False(NodeTransitions.CanMove(terminal, to)));

    [Theory]
    [InlineData(NodeStatus.Waiting, false)]
    [InlineData(NodeStatus.Processing, false)]
    [InlineData(NodeStatus.Success, true)]
    [InlineData(NodeStatus.Fail, true)]
    [InlineData(NodeStatus.Skipped, true)]
    public void IsTerminal_OnlySuccessFailSkipped(NodeStatus status, bool expected) => Assert.Equal(expected, status.IsTerminal());

    [Theory]
    [InlineData(NodeStatus.Waiting, "WAITING")]
    [InlineData(NodeStatus.Processing, "PROCESSING")]
    [InlineData(NodeStatus.Success, "SUCCESS")]
    [InlineData(NodeStatus.Fail, "FAIL")]
    [InlineData(NodeStatus.Skipped, "SKIPPED")]
    public void WireName_UpperCase(NodeStatus status, string wire) => Assert.Equal(wire, status.WireName());

    [Fact]
    public void WireName_UndefinedValue_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ((NodeStatus)42).WireName());

    [Fact]
    public void Move_TypicalRunWithARequeue_EndsInSuccess()
    {
        var status = NodeStatus.Waiting;
        foreach (var next in new[] { NodeStatus.Processing, NodeStatus.Waiting, NodeStatus.Processing, NodeStatus.Processing, NodeStatus.Success })
        {
            status = NodeTransitions.Move(status, next);
        }

        Assert.Equal(NodeStatus.Success, status);
    }
}
