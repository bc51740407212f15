using Mediaflow.Api.Actions;
using Mediaflow.Application.Workflows;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Workflows;

namespace Mediaflow.Api.Workflows;

/// <summary><c>CreateWorkflow</c> → <c>{WorkflowId}</c>; the workflow is stored Disabled. <c>ResetWorkflow</c> replaces a disabled one whole.</summary>
public static class CreateWorkflowAction
{
    public static void Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add<WorkflowDefinition, WorkflowService>("CreateWorkflow", ValidateCreate, async (request, caller, workflows, cancellationToken) =>
            new { WorkflowId = await workflows.CreateAsync(caller.AppId, request, cancellationToken) });
        table.Add<WorkflowDefinition, WorkflowService>("ResetWorkflow", ValidateReset, async (request, caller, workflows, cancellationToken) =>
        {
            await workflows.ResetAsync(caller.AppId, request.WorkflowId!.Value, request, cancellationToken);
            return MpsEmptyResponse.Instance;
        });
    }

    private static void ValidateCreate(WorkflowDefinition request)
    {
        if (request.WorkflowId is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("WorkflowId"), "CreateWorkflow takes no WorkflowId; use ResetWorkflow to replace a workflow");
        }

        ValidateCommon(request);
    }

    private static void ValidateReset(WorkflowDefinition request)
    {
        MpsRequire.Present(request.WorkflowId, nameof(request.WorkflowId));
        ValidateCommon(request);
    }

    private static void ValidateCommon(WorkflowDefinition request)
    {
        MpsRequire.Present(request.WorkflowName, nameof(request.WorkflowName));
        MpsRequire.Present(request.Trigger, nameof(request.Trigger));
    }
}
