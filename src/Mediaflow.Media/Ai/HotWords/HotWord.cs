namespace Mediaflow.Media.Ai.HotWords;

/// <summary>One entry of an ASR hot-word library: the text (one or more words) and its weight (1–10, 11 or 100).</summary>
public sealed record HotWord(string Text, int Weight);
