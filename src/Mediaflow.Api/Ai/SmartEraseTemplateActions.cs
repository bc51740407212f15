using Mediaflow.Api.Actions;
using Mediaflow.Domain.Ai;

namespace Mediaflow.Api.Ai;

/// <summary><c>Create/Modify/Delete/DescribeSmartEraseTemplates</c> (reference/mps-api.md §13.9; watermark erasing, docs/media-ai-analysis.md).</summary>
public static class SmartEraseTemplateActions
{
    public static void Register(MpsActionTable table) =>
        Templates.TemplateFamilyActions.Register(table, SmartEraseTemplates.Family.Name, _ => SmartEraseTemplates.Family);
}
