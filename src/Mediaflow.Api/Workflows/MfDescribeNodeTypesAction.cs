using Mediaflow.Api.Actions;
using Mediaflow.Domain.Workflows;
using Mediaflow.Engine.Tasks;

namespace Mediaflow.Api.Workflows;

/// <summary>
/// <c>MfDescribeNodeTypes</c> (extension, DESIGN §7.5) → <c>{NodeTypeSet}</c>: the catalogue the console's palette and
/// forms are built from, read from <see cref="NodeTypeCatalog"/> and the engine's result-member table, plus the source
/// metadata keys every IF node can test (<c>SourceConditionKeys</c>).
/// </summary>
public static class MfDescribeNodeTypesAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<Request, TimeProvider>("MfDescribeNodeTypes", (_, _, _, _) => Task.FromResult<object>(new
        {
            NodeTypeSet = NodeTypeCatalog.All.Select(n => new
            {
                n.ActivityType,
                ActivityParaMember = n.ParaMember,
                n.TemplateFamily,
                n.ProducesMedia,
                n.ConditionKeys,
                n.Implemented,
                n.ResultType,
                ResultMember = ScheduleTaskView.ResultMember(n.ActivityType),
                n.WorkflowTaskSet,
            }).ToList(),
            SourceConditionKeys = NodeTypeCatalog.SourceConditionKeys,
        }));
    }

    public sealed class Request : IMpsRequest
    {
        public void Validate()
        {
        }
    }
}
