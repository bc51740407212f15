using Mediaflow.Media.Ai;
using Mediaflow.Media.Ai.Whisper;
using Mediaflow.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Media.Tests.Ai.Whisper;

/// <summary>
/// Loading Whisper (docs/configuration.md <c>Ai:Whisper:ModelPath</c>). No real ggml model can be obtained on the build
/// machine, so transcription itself is not tested here: these tests pin the engine selection and that a bad model file
/// stops startup with Whisper.net's own load error (which also proves the native runtime loaded).
/// </summary>
public sealed class WhisperEngineTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task AddMediaflowAi_NoModelConfigured_SphinxIsTheEngine()
    {
        await using var services = new ServiceCollection().AddMediaflowMedia(new MediaOptions()).AddMediaflowAi(new AiOptions()).BuildServiceProvider();

        var speech = services.GetRequiredService<SpeechRecognizer>();

        Assert.Equal(SpeechRecognizer.SphinxEngine, speech.Engine);
        Assert.Equal(["en"], speech.Languages);
        Assert.Null(services.GetService<WhisperEngine>());
    }

    [Fact]
    public void AddMediaflowAi_MissingModelFile_RefusedNamingThePath()
    {
        var path = temp.File("nowhere/ggml-base.bin");

        var error = Assert.Throws<WhisperModelException>(() => new ServiceCollection().AddMediaflowAi(new AiOptions { Whisper = new WhisperOptions { ModelPath = path } }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMediaflowAi_CorruptModelFile_RefusedWithWhisperNetsLoadError()
    {
        var path = temp.File("ggml-corrupt.bin");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))]);

        var error = Assert.Throws<WhisperModelException>(() => new ServiceCollection().AddMediaflowAi(new AiOptions { Whisper = new WhisperOptions { ModelPath = path } }));

        Assert.Contains("not a Whisper (ggml) model", error.Message, StringComparison.Ordinal);
        Assert.IsType<global::Whisper.net.WhisperModelLoadException>(error.InnerException); // the native library loaded and read the file
    }
}
