namespace Mediaflow.Media.Jobs;

/// <summary>
/// MPEG-DASH manifest plus fMP4 media (<c>-f dash</c>), always <c>-use_template 1 -use_timeline 1</c>. Names are dash
/// templates relative to the manifest: <c>$RepresentationID$</c> and <c>$Number$</c> are the only <c>$</c> tokens allowed.
/// </summary>
public sealed record DashMuxer : Muxer
{
    public override string Name => "dash";

    /// <summary>Target segment length in seconds (<c>-seg_duration</c>).</summary>
    public required int SegmentSeconds { get; init; }

    /// <summary><c>-adaptation_sets</c>: each set's stream type, e.g. <c>["v", "a"]</c> → <c>id=0,streams=v id=1,streams=a</c>.</summary>
    public required IReadOnlyList<string> AdaptationSets { get; init; }

    /// <summary>Segmented (<c>-init_seg_name</c>/<c>-media_seg_name</c>) or one byte-ranged file per representation (<c>-single_file 1</c>).</summary>
    public bool SingleFile { get; init; }

    /// <summary>Init segment name template (segmented), or the one file's name template (<see cref="SingleFile"/>).</summary>
    public required string InitName { get; init; }

    /// <summary>Media segment name template (segmented only).</summary>
    public string? MediaName { get; init; }
}
