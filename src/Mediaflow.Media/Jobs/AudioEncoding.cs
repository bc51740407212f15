namespace Mediaflow.Media.Jobs;

/// <summary>Audio encoder settings of one output; null = encoder default / same as source.</summary>
public sealed record AudioEncoding
{
    /// <summary>ffmpeg encoder name: <c>aac</c> (native), <c>libmp3lame</c>, <c>flac</c>.</summary>
    public required string Encoder { get; init; }

    /// <summary>Bits per second.</summary>
    public long? Bitrate { get; init; }

    public long? SampleRate { get; init; }
    public int? Channels { get; init; }

    /// <summary>The track's <c>language</c> tag (ISO 639-2); null = none.</summary>
    public string? Language { get; init; }

    /// <summary>The track's name (<c>title</c> and the MP4 <c>handler_name</c>); null = none.</summary>
    public string? Title { get; init; }

    /// <summary>The default disposition (<c>-disposition:a:i default</c> or <c>0</c>); null = ffmpeg's choice.</summary>
    public bool? Default { get; init; }
}
