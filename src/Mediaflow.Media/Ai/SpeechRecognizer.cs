using Mediaflow.Media.Ai.HotWords;
using Mediaflow.Media.Ai.Whisper;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Ai;

/// <summary>
/// Speech to text: ffmpeg resamples the first audio stream to 16 kHz mono PCM with one second of trailing silence
/// (Sphinx closes an utterance only on a pause), then CMU Sphinx (<c>pocketsphinx_continuous -time yes</c>, the engine
/// behind FFmpeg's <c>asr</c> filter, which reports no word times) gives utterances and timed words. When the server is
/// configured with a Whisper model (<see cref="WhisperOptions"/>, loaded at startup) Whisper reads the same WAV instead
/// and gives utterances without word times. Hot words (docs/media-ai-subtitles.md) correct the result after the fact
/// (<see cref="HotWordCorrector"/>) and, for Whisper, also prompt the decoder.
/// </summary>
public sealed class SpeechRecognizer(AiRunner runner, WhisperEngine? whisper = null)
{
    public const int SampleRate = 16000;
    public const string SphinxEngine = "sphinx";
    public const string WhisperEngineName = "whisper";

    /// <summary>The engine recognitions run on: <c>sphinx</c>, or <c>whisper</c> when a model is configured.</summary>
    public string Engine => whisper is null ? SphinxEngine : WhisperEngineName;

    /// <summary>The source languages the engine reads: English for Sphinx (Debian's <c>pocketsphinx-en-us</c>); English and Chinese for Whisper.</summary>
    public IReadOnlySet<string> Languages => whisper is null ? SphinxLanguages : WhisperLanguages;

    private static readonly IReadOnlySet<string> SphinxLanguages = new HashSet<string>(StringComparer.Ordinal) { "en" };
    private static readonly IReadOnlySet<string> WhisperLanguages = new HashSet<string>(StringComparer.Ordinal) { "en", "zh" };

    public Task<IReadOnlyList<Utterance>> RecognizeAsync(string inputPath, double duration, bool hasAudio, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken) =>
        RecognizeAsync(inputPath, duration, hasAudio, workDirectory, "en", [], progress, cancellationToken);

    /// <param name="language">The spoken language (one of <see cref="Languages"/>); Sphinx reads English only.</param>
    /// <param name="hotWords">An ASR hot-word library to apply (empty for none).</param>
    public async Task<IReadOnlyList<Utterance>> RecognizeAsync(string inputPath, double duration, bool hasAudio, string workDirectory, string language,
        IReadOnlyList<HotWord> hotWords, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hotWords);
        ArgumentNullException.ThrowIfNull(inputPath);
        if (!hasAudio)
        {
            return []; // nothing is said in a silent source: an empty result, not a failure
        }

        Directory.CreateDirectory(workDirectory);
        var wav = Path.Combine(workDirectory, "speech.wav");
        var job = new FfmpegJob
        {
            Inputs = [new FfmpegInput { Path = inputPath }],
            FilterGraph = [new FilterChain(["0:a:0"], [new ApadFilter(1)], ["a"])],
            Outputs =
            [
                new FfmpegOutput
                {
                    Path = wav,
                    Maps = ["[a]"],
                    Audio = new AudioEncoding { Encoder = "pcm_s16le", SampleRate = SampleRate, Channels = 1 },
                    Muxer = new PlainMuxer("wav"),
                },
            ],
        };
        await runner.RunFfmpegAsync(job, duration + 1, new Progress<double>(p => progress?.Report(p * 0.3)), cancellationToken);

        IReadOnlyList<Utterance> utterances;
        if (whisper is not null)
        {
            utterances = await whisper.RecognizeAsync(wav, language, [.. hotWords.Select(h => h.Text)], cancellationToken);
        }
        else
        {
            var output = await runner.RunEngineAsync(runner.Options.PocketsphinxPath, ["-infile", wav, "-time", "yes", "-logfn", "/dev/null"], duration, cancellationToken);
            utterances = SphinxOutputParser.Parse(output);
        }

        progress?.Report(100);
        return HotWordCorrector.Apply(utterances, hotWords);
    }
}
