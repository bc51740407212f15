using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Media;
using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.HotWords;
using Mediaflow.Media.Ai.Subtitles;
using Mediaflow.Media.Probing;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// <c>action-SmartSubtitles</c> (docs/media-ai-subtitles.md): ProcessType 0 recognizes the speech (Sphinx, or Whisper when
/// configured; the template's hot-word library applied), ProcessType 2 reads the burned-in text (Tesseract on sampled
/// frames); either way the result becomes cues (<see cref="CueBuilder"/>) written as SRT or WebVTT to the output storage
/// (default name <c>{inputName}_smartsubtitle_{definition}.{format}</c>, the SDK's), reported as <c>SmartSubtitlesResult[]</c>.
/// The node passes its input through to its successors (DESIGN §7.4).
/// </summary>
public sealed class SmartSubtitlesNodeExecutor(MediaProber prober, SpeechRecognizer speech, TextRecognizer text, AsrHotwordsLibrary hotWords) : INodeExecutor
{
    public const string OutputPattern = "{inputName}_smartsubtitle_{definition}.{format}";

    public string ActivityType => ActivityTypes.SmartSubtitles;

    public async Task<NodeExecutionResult> ExecuteAsync(NodeExecution execution, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(progress);
        var input = execution.Activity.ActivityPara?.SmartSubtitlesTask
            ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no SmartSubtitlesTask");
        ISmartSubtitleParameters parameters = input.Definition is null or 0
            ? input.RawParameter ?? throw new InvalidOperationException($"Activities[{execution.NodeIndex}] has no RawParameter")
            : ImageNodes.Template(execution, SmartSubtitleTemplates.Family(SmartSubtitleRules.AnyAsrLanguage), input.Definition.Value);
        var language = parameters.VideoSrcLanguage ?? "";
        var format = parameters.SubtitleFormat ?? "";
        try
        {
            var probe = await prober.ProbeAsync(execution.InputPath, cancellationToken);
            JsonObject entry;
            IReadOnlyList<SubtitleCue> cues;
            if ((parameters.ProcessType ?? SmartSubtitleRules.Asr) == SmartSubtitleRules.Ocr)
            {
                var video = probe.Video ?? throw MediaFailure.Permanent(MediaErrorCodes.NoVideoMedia, "OCR subtitles need a video stream and the source has none.");
                var reading = await text.ReadAsync(execution.InputPath, video.Duration > 0 ? video.Duration : probe.Duration, (int)video.Width, (int)video.Height,
                    execution.WorkDirectory, progress, cancellationToken);
                var segments = reading.FullText();
                cues = CueBuilder.FromScreenText(segments);
                entry = SmartSubtitlesResults.OcrFullText(input, segments, Path(execution, input, format), language);
            }
            else
            {
                if (!speech.Languages.Contains(language))
                {
                    throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported,
                        $"VideoSrcLanguage {language} cannot be read by the {speech.Engine} speech engine of this server (it reads {string.Join(", ", speech.Languages)})");
                }

                var words = await HotWordsAsync(execution, parameters.AsrHotWordsConfigure, cancellationToken);
                var utterances = await speech.RecognizeAsync(execution.InputPath, probe.Duration, probe.HasAudio, System.IO.Path.Combine(execution.WorkDirectory, "asr"),
                    language, words, progress, cancellationToken);
                cues = CueBuilder.FromSpeech(utterances);
                entry = SmartSubtitlesResults.AsrFullText(input, utterances, Path(execution, input, format), language, speech.Engine);
            }

            var files = new List<ProducedFile>();
            if (format.Length > 0)
            {
                var local = System.IO.Path.Combine(execution.WorkDirectory, "subtitles." + format);
                await File.WriteAllTextAsync(local, SubtitleWriter.Write(format, cues), cancellationToken);
                files.Add(new ProducedFile(local, Key(execution, input, format), SubtitleWriter.ContentType(format)));
            }

            progress.Report(100);
            var task = (JsonObject)entry[entry["Type"]!.GetValue<string>() == "OcrFullTextRecognition" ? "OcrFullTextTask" : "AsrFullTextTask"]!;
            return new NodeExecutionResult
            {
                Succeeded = true,
                Files = files,
                OutputSet = [entry],
                StorageHolders = [(JsonObject)task["Output"]!],
                StorageMember = "OutputStorage",
                PassesInputThrough = true,
                OutputSeconds = probe.Duration,
                OutputShortSide = probe.Video is { } v ? (int)Math.Min(v.Width, v.Height) : 0,
            };
        }
        catch (MediaFailure failure)
        {
            return ImageNodes.Failed(failure);
        }
    }

    private async Task<IReadOnlyList<HotWord>> HotWordsAsync(NodeExecution execution, AsrHotWordsConfigure? configure, CancellationToken cancellationToken)
    {
        if (configure is not { IsOn: true, LibraryId: { Length: > 0 } id })
        {
            return [];
        }

        return await hotWords.WordsAsync(execution.AppId, id, cancellationToken)
            ?? throw MediaFailure.Permanent(MediaErrorCodes.ConfigurationUnsupported, $"ASR hot-word library {id} does not exist");
    }

    private static string Key(NodeExecution execution, SmartSubtitlesTaskInput input, string format) =>
        OutputPaths.ObjectKey(execution.OutputDirectory, input.OutputObjectPath, OutputPattern, OutputPathVariables.ForInput(execution.InputKey, format, input.Definition ?? 0));

    private static string Path(NodeExecution execution, SmartSubtitlesTaskInput input, string format) =>
        format.Length == 0 ? "" : OutputPaths.WirePath(Key(execution, input, format));
}
