namespace Mediaflow.Media.Ai.Whisper;

/// <summary>The configured Whisper model cannot be used (missing, unreadable or not a ggml model): the server refuses to start.</summary>
public sealed class WhisperModelException(string message, Exception? inner = null) : Exception(message, inner);
