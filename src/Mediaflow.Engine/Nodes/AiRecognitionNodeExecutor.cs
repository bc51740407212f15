using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Media;
using Mediaflow.Media.Ai;
using Mediaflow.Media.Probing;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-AIRecognition</c> (docs/media-ai.md): face recognition, OCR and/or ASR as the template switches say
/// (OCR/ASR words narrowed to the account's recognition keywords, <see cref="RecognitionKeywords"/>), results as
/// <c>AiRecognitionResult[]</c>. It writes no files and passes its input through to its successors (DESIGN §7.4).
/// </summary>
public sealed class AiRecognitionNodeExecutor(MediaProber prober, TextRecognizer text, SpeechRecognizer speech, FaceRecognizer faces, PersonSampleLibrary library,
    WordSampleLibrary words)
    : INodeExecutor
{
    public string ActivityType => ActivityTypes.AiRecognition;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(progress);
        var input = execution.Activity.ActivityPara?.AiRecognitionTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no AiRecognitionTask");
        var definition = input.Definition ?? 0;
        var template = ImageNodes.Template(execution, AiTemplateFamilies.AiRecognition, definition);
        try
        {
            var probe = await prober.ProbeAsync(execution.InputPath, cancellationToken);
            var duration = probe.Duration;
            var results = new JsonArray();
            var ocr = template.OcrFullText || template.OcrWords;
            var asr = template.AsrFullText || template.AsrWords;
            var keywords = template.OcrWords || template.AsrWords
                ? await words.ForRecognitionAsync(execution.AppId, cancellationToken)
                : (Text: (IReadOnlyList<RecognitionKeyword>)[], Speech: (IReadOnlyList<RecognitionKeyword>)[]);
            var share = 1.0 / Math.Max(1, (ocr ? 1 : 0) + (asr ? 1 : 0) + (template.Face ? 1 : 0));
            if (template.Face)
            {
                var video = probe.Video ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "face recognition needs a video stream and the source has none.");
                var face = template.FaceConfigure!;
                var samples = await library.FacesAsync(execution.AppId, face.UserDefineLibraryLabelSet, cancellationToken);
                var sightings = await faces.RecognizeAsync(execution.InputPath, video.Duration > 0 ? video.Duration : duration, (int)video.Width, (int)video.Height,
                    samples, face.Score, execution.WorkDirectory, new Progress<double>(p => progress.Report(p * share)), cancellationToken);
                results.Add(AiRecognitionResults.Face(definition, sightings));
            }

            if (ocr)
            {
                var video = probe.Video ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "OCR needs a video stream and the source has none.");
                var reading = await text.ReadAsync(execution.InputPath, video.Duration > 0 ? video.Duration : duration, (int)video.Width, (int)video.Height,
                    execution.WorkDirectory, new Progress<double>(p => progress.Report(p * share)), cancellationToken);
                if (template.OcrFullText)
                {
                    results.Add(AiRecognitionResults.OcrFullText(definition, reading.FullText()));
                }

                if (template.OcrWords)
                {
                    results.Add(AiRecognitionResults.OcrWords(definition,
                        RecognitionKeywords.Select(reading.Words(), keywords.Text, template.OcrWordsConfigure!.LabelSet)));
                }
            }

            if (asr)
            {
                var utterances = await speech.RecognizeAsync(execution.InputPath, duration, probe.HasAudio, Path.Combine(execution.WorkDirectory, "asr"),
                    new Progress<double>(p => progress.Report((100 - (100 * share)) + (p * share))), cancellationToken);
                if (template.AsrFullText)
                {
                    results.Add(AiRecognitionResults.AsrFullText(definition, utterances));
                }

                if (template.AsrWords)
                {
                    results.Add(AiRecognitionResults.AsrWords(definition,
                        RecognitionKeywords.Select(AiRecognitionResults.Heard(utterances), keywords.Speech, template.AsrWordsConfigure!.LabelSet)));
                }
            }

            return new NodeExecutionResult
            {
                Succeeded = true,
                OutputSet = results,
                PassesInputThrough = true,
                OutputSeconds = duration, // usage of the AI nodes: the seconds of media they read (docs/usage.md)
                OutputShortSide = probe.Video is { } read ? (int)Math.Min(read.Width, read.Height) : 0,
            };
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }
}
