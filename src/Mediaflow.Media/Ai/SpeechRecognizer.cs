using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Ai;

/// <summary>
/// Speech to text: ffmpeg resamples the first audio stream to 16 kHz mono PCM with one second of trailing silence
/// (Sphinx closes an utterance only on a pause), then CMU Sphinx (<c>pocketsphinx_continuous -time yes</c>, the engine
/// behind FFmpeg's <c>asr</c> filter, which reports no word times) gives utterances and timed words.
/// </summary>
public sealed class SpeechRecognizer(AiRunner runner)
{
    public const int SampleRate = 16000;

    public async Task<IReadOnlyList<Utterance>> RecognizeAsync(string inputPath, double duration, bool hasAudio, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
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

        var output = await runner.RunEngineAsync(runner.Options.PocketsphinxPath, ["-infile", wav, "-time", "yes", "-logfn", "/dev/null"], duration, cancellationToken);
        progress?.Report(100);
        return SphinxOutputParser.Parse(output);
    }
}
