using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.QualityControl.Format;

/// <summary>
/// Pure: ffmpeg's <c>trace_headers</c> bitstream-filter log of an H.264/HEVC stream reduced to its parameter sets
/// (<c>filter_units</c> ahead of it drops every other NAL unit), fed line by line. A parameter set (VPS, SPS, PPS) whose
/// id was seen before with other syntax element values is a change, at the time of the packet that carried it (in the
/// stream's time base ticks, as the trace prints them). Parameter sets in the extradata count as the first ones.
/// </summary>
public sealed partial class ParameterSetTrace
{
    private readonly Dictionary<string, string> known = new(StringComparer.Ordinal);
    private readonly List<long> changes = [];
    private long? packetTicks;
    private string? unitKind;
    private readonly StringBuilder unit = new();
    private string? unitId;

    /// <summary>The first <c>trace_headers</c> line's text after the context, e.g. <c>Sequence Parameter Set</c>.</summary>
    [GeneratedRegex(@"^\[trace_headers @ 0x[0-9a-f]+\] (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TraceLine();

    [GeneratedRegex(@"^Packet: \d+ bytes(?:, key frame)?(?:, corrupt)?, pts (?<pts>-?\d+|N/A), dts (?<dts>-?\d+|N/A)", RegexOptions.CultureInvariant)]
    private static partial Regex PacketLine();

    /// <summary>A syntax element: bit position, name, bits, value.</summary>
    [GeneratedRegex(@"^\d+\s+(?<name>\S+)\s+\S+ = (?<value>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldLine();

    /// <summary>Packet times (ticks of the stream time base) where a parameter set changed, in stream order, once per packet.</summary>
    public IReadOnlyList<long> Changes => changes;

    public void Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (TraceLine().Match(line) is not { Success: true } m)
        {
            return; // another context's log line, or the payload dump of an SEI: not part of a parameter set
        }

        var text = m.Groups[1].Value;
        if (FieldLine().Match(text) is { Success: true } field)
        {
            if (unitKind is not null)
            {
                var name = field.Groups["name"].Value;
                unit.Append(name).Append('=').Append(field.Groups["value"].Value).Append(';');
                if (IsId(unitKind, name))
                {
                    unitId = field.Groups["value"].Value;
                }
            }

            return;
        }

        Close();
        if (PacketLine().Match(text) is { Success: true } packet)
        {
            packetTicks = Ticks(packet.Groups["pts"].Value) ?? Ticks(packet.Groups["dts"].Value);
        }
        else if (text is "Sequence Parameter Set" or "Picture Parameter Set" or "Video Parameter Set")
        {
            unitKind = text;
        }
    }

    /// <summary>Ends the last parameter set; call once after the last line.</summary>
    public void Complete() => Close();

    private void Close()
    {
        if (unitKind is not null)
        {
            var key = unitKind + ":" + (unitId ?? "0");
            var content = unit.ToString();
            if (known.TryGetValue(key, out var before) && before != content && packetTicks is { } ticks && (changes.Count == 0 || changes[^1] != ticks))
            {
                changes.Add(ticks);
            }

            known[key] = content;
        }

        unitKind = null;
        unitId = null;
        unit.Clear();
    }

    /// <summary>The element naming a parameter set's own id (a PPS also names its SPS's id, which is not its own).</summary>
    private static bool IsId(string kind, string name) => kind switch
    {
        "Sequence Parameter Set" => name is "seq_parameter_set_id" or "sps_seq_parameter_set_id",
        "Picture Parameter Set" => name is "pic_parameter_set_id" or "pps_pic_parameter_set_id",
        _ => name == "vps_video_parameter_set_id",
    };

    private static long? Ticks(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
