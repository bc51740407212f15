using Mediaflow.Api.Actions;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Api.Ai;

/// <summary><c>Create/Modify/Delete/DescribeAIAnalysisTemplates</c>: the family as composed with the configured models (docs/media-ai-analysis.md).</summary>
public static class AiAnalysisTemplateActions
{
    public static void Register(MpsActionTable table) =>
        Templates.TemplateFamilyActions.Register(table, AiAnalysisTemplates.FamilyName, services => services.GetRequiredService<TemplateFamily<AiAnalysisTemplate>>());
}
