using System.Globalization;
using System.Text;

namespace Mediaflow.Media.Jobs;

/// <summary>
/// The one place an <see cref="FfmpegJob"/> becomes ffmpeg arguments (passed through <c>ArgumentList</c>, never a shell).
/// Always: <c>-hide_banner -nostdin -nostats -y -progress pipe:1</c>; every input behind
/// <c>-protocol_whitelist file,pipe</c>; paths must be absolute so none can read as an option or a protocol URL.
/// </summary>
public static class FfmpegArgumentRenderer
{
    public const string ProtocolWhitelist = "file,pipe";

    public static IReadOnlyList<string> Render(FfmpegJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Inputs.Count == 0 || job.Outputs.Count == 0)
        {
            throw new ArgumentException("A job needs at least one input and one output.", nameof(job));
        }

        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-y", "-progress", "pipe:1" };
        if (job.CopyTimestamps)
        {
            args.Add("-copyts");
        }

        if (job.DebugTimestamps)
        {
            args.Add("-debug_ts");
        }

        foreach (var input in job.Inputs)
        {
            RenderInput(args, input, job.MaxPixels);
        }

        if (job.FilterGraph.Count > 0)
        {
            args.Add("-filter_complex");
            args.Add(RenderGraph(job.FilterGraph));
        }

        foreach (var output in job.Outputs)
        {
            RenderOutput(args, output, job.Threads);
        }

        return args;
    }

    private static void RenderInput(List<string> args, FfmpegInput input, long maxPixels)
    {
        args.Add("-protocol_whitelist");
        args.Add(ProtocolWhitelist);
        if (input.FormatWhitelist.Count > 0)
        {
            args.Add("-format_whitelist");
            args.Add(string.Join(',', input.FormatWhitelist.Select(Word)));
        }

        if (maxPixels > 0)
        {
            args.Add("-max_pixels");
            args.Add(Number(maxPixels));
        }

        AddIf(args, "-f", input.Format);
        if (input.LoopForever)
        {
            args.Add("-stream_loop");
            args.Add("-1");
        }

        if (input.Seek is { } seek)
        {
            args.Add("-ss");
            args.Add(Seconds(seek));
        }

        if (input.Duration is { } duration)
        {
            args.Add("-t");
            args.Add(Seconds(duration));
        }

        args.Add("-i");
        args.Add(AbsolutePath(input.Path));
    }

    private static void RenderOutput(List<string> args, FfmpegOutput output, int threads)
    {
        foreach (var map in output.Maps)
        {
            args.Add("-map");
            args.Add(map);
        }

        if ((output.VideoStreams.Count > 0 && output.Video is not null) || (output.AudioStreams.Count > 0 && output.Audio is not null))
        {
            throw new ArgumentException("An output has either one encoder per type or per-stream encoders, not both.", nameof(output));
        }

        if (output.Video is { } video)
        {
            RenderVideo(args, video);
        }
        else if (output.VideoStreams.Count > 0)
        {
            RenderVideoStreams(args, output.VideoStreams);
        }
        else if (output.VideoCopy is { } copy)
        {
            args.Add("-c:v");
            args.Add("copy");
            if (copy.BitstreamFilters.Count > 0)
            {
                args.Add("-bsf:v");
                args.Add(string.Join(',', copy.BitstreamFilters));
            }
        }
        else
        {
            args.Add("-vn");
        }

        if (output.Audio is { } audio)
        {
            RenderAudio(args, audio);
        }
        else if (output.AudioStreams.Count > 0)
        {
            RenderAudioStreams(args, output.AudioStreams);
        }
        else
        {
            args.Add("-an");
        }

        if (output.Subtitles.Count > 0)
        {
            RenderSubtitles(args, output.Subtitles);
        }
        else
        {
            args.Add("-sn");
        }

        args.Add("-dn");
        if (threads > 0)
        {
            args.Add("-threads");
            args.Add(Number(threads));
        }

        AddIf(args, "-frames:v", output.VideoFrames);
        if (output.PassthroughTimestamps)
        {
            args.Add("-fps_mode");
            args.Add("passthrough");
        }

        if (output.Duration is { } duration)
        {
            args.Add("-t");
            args.Add(Seconds(duration));
        }

        if (output.StripMetadata)
        {
            args.Add("-map_metadata");
            args.Add("-1");
            args.Add("-map_chapters");
            args.Add("-1");
        }

        RenderMuxer(args, output.Muxer);
        args.Add(output.Muxer is TeeMuxer tee ? TeeSlaves(tee, output) : AbsolutePath(output.Path));
    }

    /// <summary>
    /// The tee target: <c>[f=mp4:movflags=+faststart:select=\'v:0,a\']/out/a.mp4|…</c>. Slave paths must be plain
    /// (<see cref="TeeSlave.IsPlainPath"/>) and the output's path its first slave's.
    /// </summary>
    private static string TeeSlaves(TeeMuxer tee, FfmpegOutput output)
    {
        if (tee.Slaves.Count == 0 || tee.Slaves[0].Path != output.Path)
        {
            throw new ArgumentException("A tee output's path is its first slave's file.", nameof(output));
        }

        return string.Join('|', tee.Slaves.Select(slave =>
        {
            if (!TeeSlave.IsPlainPath(slave.Path))
            {
                throw new ArgumentException($"'{slave.Path}' is not a plain absolute path for a tee slave.", nameof(tee));
            }

            if (slave.VideoStream < 0 || slave.VideoStream >= output.VideoStreams.Count)
            {
                throw new ArgumentException($"A tee slave takes video stream {slave.VideoStream}, which the output does not encode.", nameof(tee));
            }

            var options = new List<string> { $"f={Word(slave.Muxer.Name)}" };
            if (slave.Muxer.FastStart)
            {
                options.Add("movflags=+faststart");
            }

            options.Add(string.Create(CultureInfo.InvariantCulture, $"select=\\'v:{slave.VideoStream},a\\'"));
            return $"[{string.Join(':', options)}]{slave.Path}";
        }));
    }

    private static void RenderVideo(List<string> args, VideoEncoding v)
    {
        args.Add("-c:v");
        args.Add(Word(v.Encoder));
        AddIf(args, "-preset", v.Preset);
        AddIf(args, "-profile:v", v.Profile);
        AddIf(args, "-level:v", v.Level);
        AddIf(args, "-crf", v.Crf);
        AddIf(args, "-q:v", v.Quality);
        AddIf(args, "-b:v", v.Bitrate);
        AddIf(args, "-minrate:v", v.MinRate);
        AddIf(args, "-maxrate:v", v.MaxRate);
        AddIf(args, "-bufsize:v", v.BufferSize);
        AddIf(args, "-g", v.Gop);
        AddIf(args, "-bf", v.BFrames);
        AddIf(args, "-force_key_frames", v.ForceKeyFrames);
        args.Add("-pix_fmt");
        args.Add(Word(v.PixelFormat));
        AddIf(args, "-tag:v", v.Tag);
        if (v.EncoderParams.Count > 0)
        {
            args.Add(EncoderParamsOption(v.Encoder));
            args.Add(string.Join(':', v.EncoderParams.Select(p => $"{Word(p.Key)}={Word(p.Value)}")));
        }

        foreach (var option in v.PrivateOptions)
        {
            args.Add($"-{Word(option.Key)}");
            args.Add(Word(option.Value));
        }
    }

    private static string EncoderParamsOption(string encoder) => encoder switch
    {
        "libx265" => "-x265-params",
        "libsvtav1" => "-svtav1-params",
        _ => "-x264-params",
    };

    private static void RenderAudio(List<string> args, AudioEncoding a)
    {
        args.Add("-c:a");
        args.Add(Word(a.Encoder));
        AddIf(args, "-b:a", a.Bitrate);
        AddIf(args, "-ar", a.SampleRate);
        AddIf(args, "-ac", a.Channels);
        RenderStreamTags(args, ":a:0", a.Language, a.Title, a.Default);
    }

    /// <summary>Soft subtitle streams: encoder, language and title tags, default disposition (values are single arguments, never parsed by a shell).</summary>
    private static void RenderSubtitles(List<string> args, IReadOnlyList<SubtitleEncoding> streams)
    {
        for (var i = 0; i < streams.Count; i++)
        {
            var s = streams[i];
            var specifier = string.Create(CultureInfo.InvariantCulture, $":s:{i}");
            args.Add("-c" + specifier);
            args.Add(Word(s.Encoder));
            RenderStreamTags(args, specifier, s.Language, s.Title, s.Default);
        }
    }

    /// <summary>
    /// A stream's <c>language</c> and name tags (the name as <c>title</c> and <c>handler_name</c>, which the MP4 muxer
    /// writes into <c>hdlr</c>) and its default disposition; values are single arguments, never parsed by a shell.
    /// </summary>
    private static void RenderStreamTags(List<string> args, string specifier, string? language, string? title, bool? isDefault)
    {
        if (language is not null)
        {
            args.Add("-metadata:s" + specifier);
            args.Add("language=" + Word(language));
        }

        if (title is not null)
        {
            if (title.Any(char.IsControl))
            {
                throw new ArgumentException("A track name has no control characters.", nameof(title));
            }

            args.Add("-metadata:s" + specifier);
            args.Add("title=" + title);
            args.Add("-metadata:s" + specifier);
            args.Add("handler_name=" + title);
        }

        if (isDefault is { } value)
        {
            args.Add("-disposition" + specifier);
            args.Add(value ? "default" : "0");
        }
    }

    /// <summary>Per-stream video encoders: every option carries the <c>:v:i</c> stream specifier.</summary>
    private static void RenderVideoStreams(List<string> args, IReadOnlyList<VideoEncoding> streams)
    {
        for (var i = 0; i < streams.Count; i++)
        {
            var v = streams[i];
            var s = string.Create(CultureInfo.InvariantCulture, $":v:{i}");
            args.Add("-c" + s);
            args.Add(Word(v.Encoder));
            AddIf(args, "-preset" + s, v.Preset);
            AddIf(args, "-profile" + s, v.Profile);
            AddIf(args, "-level" + s, v.Level);
            AddIf(args, "-crf" + s, v.Crf);
            AddIf(args, "-q" + s, v.Quality);
            AddIf(args, "-b" + s, v.Bitrate);
            AddIf(args, "-minrate" + s, v.MinRate);
            AddIf(args, "-maxrate" + s, v.MaxRate);
            AddIf(args, "-bufsize" + s, v.BufferSize);
            AddIf(args, "-g" + s, v.Gop);
            AddIf(args, "-bf" + s, v.BFrames);
            AddIf(args, "-force_key_frames" + s, v.ForceKeyFrames);
            args.Add("-pix_fmt" + s);
            args.Add(Word(v.PixelFormat));
            AddIf(args, "-tag" + s, v.Tag);
            if (v.EncoderParams.Count > 0)
            {
                args.Add(EncoderParamsOption(v.Encoder) + s);
                args.Add(string.Join(':', v.EncoderParams.Select(p => $"{Word(p.Key)}={Word(p.Value)}")));
            }

            foreach (var option in v.PrivateOptions)
            {
                args.Add($"-{Word(option.Key)}{s}");
                args.Add(Word(option.Value));
            }
        }
    }

    private static void RenderAudioStreams(List<string> args, IReadOnlyList<AudioEncoding> streams)
    {
        for (var i = 0; i < streams.Count; i++)
        {
            var a = streams[i];
            var s = string.Create(CultureInfo.InvariantCulture, $":a:{i}");
            args.Add("-c" + s);
            args.Add(Word(a.Encoder));
            AddIf(args, "-b" + s, a.Bitrate);
            AddIf(args, "-ar" + s, a.SampleRate);
            AddIf(args, "-ac" + s, a.Channels);
            RenderStreamTags(args, s, a.Language, a.Title, a.Default);
        }
    }

    private static void RenderDash(List<string> args, DashMuxer dash)
    {
        args.Add("-seg_duration");
        args.Add(Number(dash.SegmentSeconds));
        args.Add("-use_template");
        args.Add("1");
        args.Add("-use_timeline");
        args.Add("1");
        args.Add("-dash_segment_type");
        args.Add("mp4");
        args.Add("-adaptation_sets");
        args.Add(string.Join(' ', dash.AdaptationSets.Select((type, i) => type is "v" or "a"
            ? string.Create(CultureInfo.InvariantCulture, $"id={i},streams={type}")
            : throw new ArgumentException($"'{type}' is not an adaptation set stream type (v or a).", nameof(dash)))));
        if (dash.SingleFile)
        {
            args.Add("-single_file");
            args.Add("1");
            args.Add("-single_file_name");
            args.Add(DashName(dash.InitName));
        }
        else
        {
            args.Add("-init_seg_name");
            args.Add(DashName(dash.InitName));
            args.Add("-media_seg_name");
            args.Add(DashName(dash.MediaName ?? throw new ArgumentException("A segmented DASH output needs MediaName.", nameof(dash))));
        }
    }

    /// <summary>A dash name template: a plain file name whose only <c>$</c> tokens are <c>$RepresentationID$</c> and <c>$Number$</c>.</summary>
    private static string DashName(string name)
    {
        var plain = FileName(name).Replace("$RepresentationID$", "", StringComparison.Ordinal).Replace("$Number$", "", StringComparison.Ordinal);
        return plain.Contains('$', StringComparison.Ordinal)
            ? throw new ArgumentException($"'{name}' has a '$' that is not $RepresentationID$ or $Number$.", nameof(name))
            : name;
    }

    private static void RenderMuxer(List<string> args, Muxer muxer)
    {
        args.Add("-f");
        args.Add(Word(muxer.Name));
        switch (muxer)
        {
            case Mp4Muxer { FastStart: true }:
                args.Add("-movflags");
                args.Add("+faststart");
                break;
            case HlsMuxer hls:
                args.Add("-hls_time");
                args.Add(Number(hls.SegmentSeconds));
                args.Add("-hls_playlist_type");
                args.Add(Word(hls.PlaylistType));
                args.Add("-hls_list_size");
                args.Add("0");
                args.Add("-hls_segment_type");
                args.Add(Word(hls.SegmentType));
                if (hls.InitFileName is { } init)
                {
                    args.Add("-hls_fmp4_init_filename");
                    args.Add(FileName(init));
                }

                if (hls.SingleFile)
                {
                    args.Add("-hls_flags");
                    args.Add("single_file");
                }

                args.Add("-hls_segment_filename");
                args.Add(AbsolutePath(hls.SegmentPathPattern));
                if (hls.KeyInfoPath is { } keyInfo)
                {
                    args.Add("-hls_key_info_file");
                    args.Add(AbsolutePath(keyInfo));
                }
                break;
            case DashMuxer dash:
                RenderDash(args, dash);
                break;
            case ImageMuxer { Sequence: false }:
                args.Add("-update");
                args.Add("1");
                break;
            case ImageMuxer { Sequence: true }:
                args.Add("-start_number");
                args.Add("0");
                break;
            case AnimationMuxer:
                args.Add("-loop");
                args.Add("0");
                break;
            case TeeMuxer:
                args.Add("-flags");
                args.Add("+global_header");
                break;
        }
    }

    /// <summary>Renders a graph: chains joined by <c>;</c>, filters by <c>,</c>, arguments <c>k=v</c> joined by <c>:</c>.</summary>
    public static string RenderGraph(IReadOnlyList<FilterChain> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        var text = new StringBuilder();
        foreach (var chain in chains)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            foreach (var label in chain.InputLabels)
            {
                text.Append('[').Append(Label(label)).Append(']');
            }

            text.Append(string.Join(',', chain.Filters.Select(RenderFilter)));
            foreach (var label in chain.OutputLabels)
            {
                text.Append('[').Append(Label(label)).Append(']');
            }
        }

        return text.ToString();
    }

    private static string RenderFilter(Filter filter)
    {
        var arguments = filter.Arguments().Select(a => $"{Word(a.Key)}={(filter.IsExpression(a.Key) ? Expression(a.Value) : filter.IsQuotedText(a.Key) ? QuotedText(a.Value) : Word(a.Value))}").ToList();
        return arguments.Count == 0 ? Word(filter.Name) : $"{Word(filter.Name)}={string.Join(':', arguments)}";
    }

    private static void AddIf(List<string> args, string option, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            args.Add(option);
            args.Add(value);
        }
    }

    private static void AddIf(List<string> args, string option, long? value)
    {
        if (value is { } v)
        {
            args.Add(option);
            args.Add(Number(v));
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seconds with millisecond precision, invariant: <c>1.5</c>, <c>0</c>.</summary>
    public static string Seconds(TimeSpan value) => Math.Round(value.TotalSeconds, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Refuses characters that carry meaning in filter graphs or option lists (<c>: , ; [ ] ' \ =</c>, whitespace).</summary>
    private static string Word(string value)
    {
        if (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is ':' or ',' or ';' or '[' or ']' or '\'' or '\\' or '=' or '"'))
        {
            throw new ArgumentException($"'{value}' is not a plain value for an ffmpeg option or filter argument.", nameof(value));
        }

        return value;
    }

    /// <summary>
    /// An ffmpeg expression argument (e.g. select's <c>gt(floor(t/2),floor(prev_t/2))</c>), single-quoted so its commas
    /// stay inside the filter. Only names, numbers, operators and parentheses are allowed: nothing can close the quote.
    /// </summary>
    private static string Expression(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '(' or ')' or ',' or '.' or '+' or '-' or '*' or '/')
            ? $"'{value}'"
            : throw new ArgumentException($"'{value}' is not a plain ffmpeg expression.", nameof(value));

    /// <summary>
    /// Free text single-quoted for the graph parser; letters, digits, space and <c>= , &amp; . _ - #</c> only, so nothing can
    /// close the quote or start another filter option (<c>:</c>).
    /// </summary>
    private static string QuotedText(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is ' ' or '=' or ',' or '&' or '.' or '_' or '-' or '#')
            ? $"'{value}'"
            : throw new ArgumentException($"'{value}' is not plain quoted text for a filter argument.", nameof(value));

    private static string Label(string label) =>
        label.Length > 0 && label.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '_')
            ? label
            : throw new ArgumentException($"'{label}' is not a valid filter-graph label.", nameof(label));

    private static string AbsolutePath(string path) =>
        System.IO.Path.IsPathFullyQualified(path) && path.StartsWith('/')
            ? path
            : throw new ArgumentException($"'{path}' is not an absolute local path.", nameof(path));

    private static string FileName(string name) =>
        name.Length > 0 && name == System.IO.Path.GetFileName(name) && name is not ("." or "..")
            ? name
            : throw new ArgumentException($"'{name}' is not a plain file name.", nameof(name));
}
