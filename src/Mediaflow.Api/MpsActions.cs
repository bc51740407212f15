using Mediaflow.Api.Actions;
using Mediaflow.Api.Notifications;
using Mediaflow.Api.Schedules;
using Mediaflow.Api.Tasks;
using Mediaflow.Api.Templates;
using Mediaflow.Api.Workflows;

namespace Mediaflow.Api;

/// <summary>
/// Every MPS action this server answers, one line per feature file. To add an action: write its feature file with a
/// static <c>Register(MpsActionTable)</c> and list it here — no scanning, the call path stays followable.
/// </summary>
public static class MpsActions
{
    public static MpsActionTable Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        CreateScheduleAction.Register(table);
        ModifyScheduleAction.Register(table);
        ScheduleLifecycleActions.Register(table);
        DescribeSchedulesAction.Register(table);
        ProcessMediaAction.Register(table);
        DescribeTasksAction.Register(table);
        DescribeTaskDetailAction.Register(table);
        ManageTaskAction.Register(table);
        DescribeMediaMetaDataAction.Register(table);
        TranscodeTemplateActions.Register(table);
        TemplateFamilyActions.Register(table);
        ParseNotificationAction.Register(table);
        MfDescribeNotificationDeliveriesAction.Register(table);
        MfRedeliverNotificationAction.Register(table);
        MfDescribeNotificationSecretAction.Register(table);
        CreateWorkflowAction.Register(table);
        WorkflowLifecycleActions.Register(table);
        DescribeWorkflowsAction.Register(table);
        MfDescribeNodeTypesAction.Register(table);
        Ai.PersonSampleActions.Register(table);
        Ai.WordSampleActions.Register(table);
        Ai.ContentReviewTemplateActions.Register(table);
        Ai.AiAnalysisTemplateActions.Register(table);
        Ai.SmartEraseTemplateActions.Register(table);
        Usage.DescribeUsageDataAction.Register(table);
        Ai.SmartSubtitleTemplateActions.Register(table);
        Ai.AsrHotwordsActions.Register(table);
        return table;
    }
}
