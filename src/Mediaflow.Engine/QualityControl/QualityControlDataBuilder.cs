using System.Text.Json.Nodes;
using Mediaflow.Domain.QualityControl;
using Mediaflow.Media.QualityControl;

namespace Mediaflow.Engine.QualityControl;

/// <summary>
/// Pure: merges what the inspectors and the full-reference measurement found into the spec's <c>QualityControlData</c>
/// (reference/mps-api.md §12) plus our <c>MfSsim</c>, <c>MfPsnr</c> and <c>MfAudioEvaluationScore</c>. Only enabled items are
/// reported, grouped by type in the template's order; times are seconds from the first frame of the inspected media.
/// </summary>
public static class QualityControlDataBuilder
{
    /// <summary>Score names (<see cref="QcReport.Scores"/>) that are members of QualityControlData as they are.</summary>
    private static readonly HashSet<string> WireScores = new(StringComparer.Ordinal)
    {
        "QualityEvaluationScore", "QualityEvaluationMeanOpinionScore", "AestheticEvaluationScore",
    };

    /// <param name="enabled">The enabled item types in template order (findings of other types are dropped).</param>
    /// <param name="reports">Every inspector report, times already on the media's clock (see <see cref="Shift"/>); a score
    /// several reports give (one per spot-check window) is averaged.</param>
    /// <param name="fullReference">SSIM/PSNR when measured, with their anomalies.</param>
    public static JsonObject Build(bool hasAudio, bool hasVideo, IReadOnlyList<string> enabled, IReadOnlyList<QcReport> reports, FullReferenceResult? fullReference)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        ArgumentNullException.ThrowIfNull(reports);
        var data = new JsonObject { ["NoAudio"] = !hasAudio, ["NoVideo"] = !hasVideo };
        foreach (var (name, values) in reports.SelectMany(r => r.Scores).GroupBy(kv => kv.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Select(kv => kv.Value).ToList())))
        {
            data[ScoreMember(name)] = Math.Round(values.Average(), 2);
        }

        var findings = reports.SelectMany(r => r.Findings).Concat(fullReference?.Findings ?? []).ToList();
        var results = new JsonArray();
        foreach (var type in enabled.Where(t => !QualityControlItemNames.FormatCategory.ContainsKey(t)))
        {
            var items = findings.Where(f => f.Type == type).OrderBy(f => f.StartTime).ThenBy(f => f.EndTime).Select(Item).ToList();
            if (items.Count > 0)
            {
                results.Add(new JsonObject { ["Type"] = type, ["QualityControlItems"] = new JsonArray([.. items]) });
            }
        }

        var diagnoses = new JsonArray();
        foreach (var type in enabled.Where(QualityControlItemNames.FormatCategory.ContainsKey))
        {
            foreach (var diagnosis in reports.SelectMany(r => r.Diagnoses).Where(d => d.Type == type))
            {
                diagnoses.Add(new JsonObject
                {
                    ["Category"] = QualityControlItemNames.FormatCategory[type],
                    ["Type"] = type,
                    ["SeverityLevel"] = diagnosis.SeverityLevel,
                    ["DateTimeSet"] = new JsonArray(),
                    ["TimestampSet"] = new JsonArray([.. diagnosis.Timestamps.Order().Select(t => (JsonNode)Math.Round(t, 3))]),
                });
            }
        }

        data["QualityControlResultSet"] = results;
        data["ContainerDiagnoseResultSet"] = diagnoses;
        if (fullReference is not null)
        {
            data["MfSsim"] = Math.Round(fullReference.Ssim, 4);
            data["MfPsnr"] = Math.Round(fullReference.Psnr, 2);
        }

        return data;
    }

    /// <summary>A window's report on the whole media's clock: every finding and diagnosis moved by <paramref name="offset"/> seconds.</summary>
    public static QcReport Shift(QcReport report, double offset)
    {
        ArgumentNullException.ThrowIfNull(report);
        return offset == 0 ? report : report with
        {
            Findings = [.. report.Findings.Select(f => f with { StartTime = f.StartTime + offset, EndTime = f.EndTime + offset })],
            Diagnoses = [.. report.Diagnoses.Select(d => d with { Timestamps = [.. d.Timestamps.Select(t => t + offset)] })],
        };
    }

    /// <summary>
    /// The SSIM/PSNR anomalies: one item over the measured range when the figure is below the item's threshold (SSIM All
    /// 0–1; PSNR average in dB, identical pictures count as 100 dB).
    /// </summary>
    public static FullReferenceResult FullReference(double ssim, double psnr, IReadOnlyList<QcItemRequest> items, double start, double end)
    {
        ArgumentNullException.ThrowIfNull(items);
        psnr = double.IsPositiveInfinity(psnr) ? 100 : psnr;
        var findings = new List<QcFinding>();
        foreach (var item in items)
        {
            var measured = item.Type == FullReferenceItems.Ssim ? ssim : psnr;
            if (measured < FullReferenceItems.Threshold(item.Type, item.Threshold))
            {
                findings.Add(new QcFinding(item.Type, start, end, 100));
            }
        }

        return new FullReferenceResult(ssim, psnr, findings);
    }

    private static string ScoreMember(string name) => WireScores.Contains(name) ? name
        : name is "AudioEvaluationScore" ? "MfAudioEvaluationScore"
        : name.StartsWith("Mf", StringComparison.Ordinal) ? name : "Mf" + name;

    private static JsonObject Item(QcFinding finding)
    {
        var item = new JsonObject
        {
            ["Confidence"] = Math.Clamp(finding.Confidence, 0, 100),
            ["StartTimeOffset"] = Math.Round(finding.StartTime, 3),
            ["EndTimeOffset"] = Math.Round(finding.EndTime, 3),
        };
        if (finding.Area is { Count: 4 } area)
        {
            item["AreaCoordSet"] = new JsonArray([.. area.Select(v => (JsonNode)v)]);
        }

        return item;
    }
}

/// <summary>The node's own measurement: SSIM (All) and PSNR (average dB) against the source, and the anomalies below threshold.</summary>
public sealed record FullReferenceResult(double Ssim, double Psnr, IReadOnlyList<QcFinding> Findings);
