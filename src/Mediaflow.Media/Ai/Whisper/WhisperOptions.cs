namespace Mediaflow.Media.Ai.Whisper;

/// <summary>
/// Whisper through Whisper.net (configuration section <c>Ai:Whisper</c>, docs/configuration.md): with a ggml model file
/// (<see cref="ModelPath"/>) speech is recognized by Whisper instead of CMU Sphinx; empty = Sphinx.
/// </summary>
public sealed record WhisperOptions
{
    /// <summary>A whisper.cpp ggml model file (e.g. <c>ggml-base.en.bin</c>); checked at startup.</summary>
    public string ModelPath { get; init; } = "";

    /// <summary>CPU threads one recognition uses.</summary>
    public int Threads { get; init; } = 2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ModelPath);
}
