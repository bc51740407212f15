using Mediaflow.Api.Actions;
using Mediaflow.Domain.Ai;
using Mediaflow.Media.Ai;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Api.Ai;

/// <summary>
/// <c>Create/Modify/Delete/DescribeSmartSubtitleTemplates</c> (reference/mps-api.md §13.9; docs/media-ai-subtitles.md): the
/// generic template-family handlers, with the ASR languages of the configured speech engine (Sphinx or Whisper).
/// </summary>
public static class SmartSubtitleTemplateActions
{
    public static void Register(MpsActionTable table) =>
        Templates.TemplateFamilyActions.Register(table, SmartSubtitleTemplates.Name,
            services => SmartSubtitleTemplates.Family(services.GetRequiredService<SpeechRecognizer>().Languages));
}
