using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Tasks;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Engine.Tasks;

/// <summary>A task, its node runs and its snapshotted DAG, loaded (tracked) from one DbContext.</summary>
public sealed class TaskState
{
    private TaskState(MediaflowDbContext db, TaskRow task, List<NodeRunRow> nodes, IReadOnlyList<Activity> activities)
    {
        Db = db;
        Task = task;
        Nodes = nodes;
        Activities = activities;
    }

    public MediaflowDbContext Db { get; }
    public TaskRow Task { get; }
    public List<NodeRunRow> Nodes { get; }
    public IReadOnlyList<Activity> Activities { get; }

    public int InputIndex => Activities.Select((a, i) => (a, i)).First(x => x.a.ActivityType == ActivityTypes.Input).i;

    public NodeRunRow Node(int index) => Nodes.Single(n => n.NodeIndex == index);

    public static NodeStatus StatusOf(NodeRunRow node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Enum.Parse<NodeStatus>(node.Status, ignoreCase: true);
    }

    public static void SetStatus(NodeRunRow node, NodeStatus to)
    {
        ArgumentNullException.ThrowIfNull(node);
        node.Status = NodeTransitions.Move(StatusOf(node), to).WireName();
    }

    public static async Task<TaskState?> LoadAsync(MediaflowDbContext db, string taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.TaskId == taskId, cancellationToken);
        if (task is null)
        {
            return null;
        }

        var nodes = await db.NodeRuns.Where(n => n.TaskId == taskId).ToListAsync(cancellationToken);
        var activities = EngineJson.Deserialize<List<Activity>>(task.ActivitiesJson);
        return new TaskState(db, task, nodes, activities);
    }
}
