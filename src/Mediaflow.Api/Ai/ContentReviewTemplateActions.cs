using Mediaflow.Api.Actions;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Api.Ai;

/// <summary><c>Create/Modify/Delete/DescribeContentReviewTemplates</c>: the family as composed with the configured picture-review model (docs/media-ai-review.md).</summary>
public static class ContentReviewTemplateActions
{
    public static void Register(MpsActionTable table) =>
        Templates.TemplateFamilyActions.Register(table, ContentReviewTemplates.FamilyName, services => services.GetRequiredService<TemplateFamily<ContentReviewTemplate>>());
}
