using Mediaflow.Domain.Orchestrations;
using static Mediaflow.Domain.Tests.Orchestrations.Dag;

namespace Mediaflow.Domain.Tests.Orchestrations;

public class DagGraphTests
{
    [Fact]
    public void From_Terraform_DerivesPredecessors()
    {
        var graph = DagGraph.From(Terraform());

        Assert.Empty(graph.Predecessors[0]);
        Assert.Equal([0], graph.Predecessors[1]);
        Assert.Equal([0], graph.Predecessors[2]);
        Assert.Equal([1], graph.Predecessors[3]);
        Assert.Equal([2], graph.Predecessors[7]);
        Assert.Equal([4, 5, 6, 9], graph.Predecessors[10]);
        Assert.Empty(graph.Successors[10]);
    }

    [Fact]
    public void From_DuplicateSuccessors_CountedOnce()
    {
        var graph = DagGraph.From([Input(1, 1), Trans(2), Output()]);
        Assert.Equal([1], graph.Successors[0]);
        Assert.Equal([0], graph.Predecessors[1]);
    }

    [Fact]
    public void From_NullSuccessorList_NoEdges() => Assert.Empty(DagGraph.From([Output() with { ReardriveIndex = null }]).Successors[0]);

    [Fact]
    public void TopologicalOrder_Terraform_EveryEdgeForward()
    {
        var graph = DagGraph.From(Terraform());
        var order = graph.TopologicalOrder();
        var position = order.Select((node, i) => (node, i)).ToDictionary(p => p.node, p => p.i);

        Assert.Equal(11, order.Count);
        for (var node = 0; node < 11; node++)
        {
            Assert.All(graph.Successors[node], successor => Assert.True(position[node] < position[successor]));
        }
    }

    [Fact]
    public void TopologicalOrder_Cycle_ShorterThanNodeCount() =>
        Assert.Equal(2, DagGraph.From([Input(3), Trans(2), Trans(1), Output()]).TopologicalOrder().Count);

    [Fact]
    public void ReachableFrom_Input_EveryNodeOfTerraform() =>
        Assert.Equal(Enumerable.Range(0, 11), DagGraph.From(Terraform()).ReachableFrom(0).Order());

    [Fact]
    public void ReachableFrom_Branch_OnlyItsDescendantsAndItself() =>
        Assert.Equal([2, 6, 7, 8, 9, 10], DagGraph.From(Terraform()).ReachableFrom(2).Order());
}
