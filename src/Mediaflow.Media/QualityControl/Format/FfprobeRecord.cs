namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// One top-level section of ffprobe's compact output (<c>packet</c>, <c>frame</c>, <c>stream</c>, <c>program</c>): its
/// own fields, and the nested sections printed inside it (<c>side_data</c>, <c>log</c>) in order.
/// </summary>
public sealed record FfprobeRecord(string Section, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<FfprobeNestedSection> Nested)
{
    public string? Get(string key) => Fields.TryGetValue(key, out var v) ? v : null;

    /// <summary>The field as invariant seconds/number; null when absent or <c>N/A</c>.</summary>
    public double? Number(string key) =>
        Get(key) is { } v && double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
}

/// <summary>A section nested in a record, e.g. a frame's <c>log</c> message or a stream's display-matrix <c>side_data</c>.</summary>
public sealed record FfprobeNestedSection(string Section, IReadOnlyDictionary<string, string> Fields);
