namespace Mediaflow.Media.QualityControl.Format;

/// <summary>One decoded audio frame's format as <c>ashowinfo</c> logged it; <see cref="Time"/> in seconds from the input's start.</summary>
public sealed record AudioFrameFormat(double Time, long SampleRate, long Channels);
