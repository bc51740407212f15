using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Media;
using Mediaflow.Media.Ai.Review;
using Mediaflow.Media.Probing;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-aiReview</c> (docs/media-ai-review.md): the template's text switches (Porn/Terrorism/Political/Prohibited ×
/// ASR/OCR) against the built-in keyword lists and the account's word samples, and its picture switches (Porn/Terrorism/
/// Political <c>ImgReviewInfo</c>) through the configured <c>Ai:Models:ImageReview</c> model, results as <c>AiContentReviewResult[]</c>.
/// Its suggestions give IF nodes below it the condition key <c>ReviewSuggestion</c>. It writes no files and passes its
/// input through (DESIGN §7.4).
/// </summary>
public sealed class AiContentReviewNodeExecutor(MediaProber prober, ContentReviewer reviewer, ImageReviewer pictures, WordSampleLibrary library, AiModels models) : INodeExecutor
{
    public string ActivityType => ActivityTypes.AiContentReview;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(progress);
        var input = execution.Activity.ActivityPara?.AiContentReviewTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no AiContentReviewTask");
        var definition = input.Definition ?? 0;
        var template = ImageNodes.Template(execution, ContentReviewTemplates.Family(models), definition);
        try
        {
            var probe = await prober.ProbeAsync(execution.InputPath, cancellationToken);
            var video = probe.Video;
            var media = new ReviewMedia(execution.InputPath, probe.Duration, (int)(video?.Width ?? 0), (int)(video?.Height ?? 0),
                video is null ? 0 : video.Duration > 0 ? video.Duration : probe.Duration, probe.HasAudio);
            var keywords = await library.ForReviewAsync(execution.AppId, cancellationToken);
            var checks = ContentReviewLabels.Checks(template);
            var pictureReviews = await PicturesAsync(execution, probe, checks, cancellationToken);
            var textReviews = await reviewer.ReviewAsync(media, checks, keywords, execution.WorkDirectory, progress, cancellationToken);
            var reviews = pictureReviews.Concat(textReviews); // the spec's type order puts every picture switch first
            var results = new JsonArray([.. reviews.Select(r => (JsonNode)AiContentReviewResults.Entry(definition, r))]);
            return new NodeExecutionResult
            {
                Succeeded = true,
                OutputSet = results,
                PassesInputThrough = true,
                OutputSeconds = probe.Duration, // usage of the AI nodes: the seconds of media they read (docs/usage.md)
                OutputShortSide = video is null ? 0 : (int)Math.Min(video.Width, video.Height),
            };
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }

    private async Task<IReadOnlyList<LabelReview>> PicturesAsync(NodeExecution execution, ProbeResult probe, IReadOnlyList<ReviewCheck> checks, CancellationToken cancellationToken)
    {
        if (!checks.Any(c => c.Source == ReviewSource.Img))
        {
            return [];
        }

        var model = models.Find(AiModelNames.ImageReview)
            ?? throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"picture review needs the {AiModelNames.ImageReview} model, which is not configured on this server (Ai:Models:{AiModelNames.ImageReview})");
        return await pictures.ReviewAsync(model, execution.InputPath, probe, checks, Path.Combine(execution.WorkDirectory, "pictures"), cancellationToken);
    }
}
