using Whisper.net;

namespace Mediaflow.Media.Ai.Whisper;

/// <summary>
/// Whisper speech recognition over a 16 kHz mono WAV (what <see cref="SpeechRecognizer"/> already makes for Sphinx). The
/// model is loaded once, at startup through <see cref="Load"/> (a missing or corrupt file stops the server with a
/// <see cref="WhisperModelException"/> naming the path), and shared by every recognition. Whisper gives segments
/// (a sentence or so, with times) rather than timed words; each becomes an utterance without words. Hot words are
/// passed as Whisper's initial prompt, which biases its decoder towards them.
/// </summary>
public sealed class WhisperEngine : IDisposable
{
    private readonly WhisperFactory factory;
    private readonly WhisperOptions options;

    private WhisperEngine(WhisperFactory factory, WhisperOptions options)
    {
        this.factory = factory;
        this.options = options;
    }

    /// <summary>Loads and checks the model (a processor is built once, which makes whisper.cpp read the whole file).</summary>
    public static WhisperEngine Load(WhisperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.ModelPath;
        if (!File.Exists(path))
        {
            throw new WhisperModelException($"Ai:Whisper:ModelPath {path} does not exist");
        }

        WhisperFactory? factory = null;
        try
        {
            factory = WhisperFactory.FromPath(path);
            using (factory.CreateBuilder().WithThreads(Math.Max(1, options.Threads)).Build())
            {
            }

            return new WhisperEngine(factory, options);
        }
        catch (WhisperModelLoadException exception)
        {
            factory?.Dispose();
            throw new WhisperModelException($"Ai:Whisper:ModelPath {path} is not a Whisper (ggml) model whisper.cpp can load", exception);
        }
    }

    public async Task<IReadOnlyList<Utterance>> RecognizeAsync(string wavPath, string language, IReadOnlyList<string> hotWords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wavPath);
        ArgumentNullException.ThrowIfNull(hotWords);
        var builder = factory.CreateBuilder().WithThreads(Math.Max(1, options.Threads)).WithLanguage(language).WithProbabilities();
        if (hotWords.Count > 0)
        {
            builder = builder.WithPrompt(string.Join(", ", hotWords));
        }

        var utterances = new List<Utterance>();
        await using var processor = builder.Build();
        await using var wav = File.OpenRead(wavPath);
        try
        {
            await foreach (var segment in processor.ProcessAsync(wav, cancellationToken))
            {
                var text = segment.Text.Trim();
                if (text.Length > 0)
                {
                    utterances.Add(new Utterance(text, Math.Round(segment.Start.TotalSeconds, 3), Math.Round(segment.End.TotalSeconds, 3),
                        Math.Round(segment.Probability * 100, 2), []));
                }
            }
        }
        catch (WhisperProcessingException exception)
        {
            throw MediaFailure.Internal($"Whisper failed: {exception.Message}", innerException: exception);
        }

        return utterances;
    }

    public void Dispose() => factory.Dispose();
}
