using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mediaflow.Media;
using Mediaflow.Media.Probing;
using Mediaflow.Media.QualityControl;
using Microsoft.Extensions.DependencyInjection;

namespace Mediaflow.Server.Cli;

/// <summary>
/// `mediaflow qc-inspect FILE [--items A,B] [--json] [--repeat N]`: runs the registered quality inspectors (the content
/// pass and whatever else the media layer registers) on a local file and prints what they found and what the content
/// pass cost (<see cref="ContentPassCost"/>); no server needed.
/// </summary>
public static partial class QcInspectCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The media file to inspect." };
        var items = new Option<string?>("--items") { Description = "Comma-separated item types (default: every item an inspector declares), e.g. Blur,Freeze,NoVoice." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Run the content pass N times in this one process and print each run's cost; the last run is warm (JIT done), as in the long-running server. Other inspectors run once, with the last.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("qc-inspect",
            "Inspect a local media file for quality-control items (content defects, scores) and print the report, with the content pass's cost: " +
            "wall and CPU seconds of the content inspector's call alone (no .NET start, probe or format diagnosis), this process's CPU (readers, " +
            "parsing, frame detectors, GC, JIT), ffmpeg's CPU and each frame detector's thread CPU.") { file, items, json, repeat };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await RunAsync(parse, file, items, json, repeat, cancellationToken);
            }
            catch (CliUsageException exception)
            {
                await Console.Error.WriteLineAsync($"mediaflow: {exception.Message}");
                return 2;
            }
            catch (MediaFailure failure)
            {
                await Console.Error.WriteLineAsync($"mediaflow: {failure.ErrCodeExt}: {failure.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Usage problems exit 2, a file ffmpeg cannot inspect exits 1 with its ErrCodeExt.</summary>
    private static async Task<int> RunAsync(ParseResult parse, Argument<string> file, Option<string?> items, Option<bool> json, Option<int> repeat, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(parse.GetValue(file)!);
        if (!File.Exists(path))
        {
            throw new CliUsageException($"{path}: no such file");
        }

        var times = parse.GetValue(repeat);
        if (times < 1)
        {
            throw new CliUsageException($"--repeat {times}: must be at least 1");
        }

        await using var services = new ServiceCollection().AddMediaflowMedia(new MediaOptions()).BuildServiceProvider();
        var inspectors = services.GetServices<IQualityInspector>().ToList();
        var declared = inspectors.SelectMany(i => i.ItemTypes).ToHashSet(StringComparer.Ordinal);
        var wanted = parse.GetValue(items) is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [.. declared.Order(StringComparer.Ordinal)];
        if (wanted.FirstOrDefault(t => !declared.Contains(t)) is { } unknown)
        {
            throw new CliUsageException($"{unknown}: not an item any inspector detects ({string.Join(',', declared.Order(StringComparer.Ordinal))})");
        }

        var probe = await services.GetRequiredService<MediaProber>().ProbeAsync(path, cancellationToken);
        var work = Directory.CreateTempSubdirectory("mf-qc-");
        try
        {
            var reports = new List<QcReport>();
            var costs = new List<ContentPassCost>();
            for (var run = 1; run <= times; run++)
            {
                reports.Clear();
                foreach (var inspector in inspectors)
                {
                    // Only the content pass is measured, so the other inspectors (format diagnosis) run once, in the last run.
                    var mine = wanted.Where(inspector.ItemTypes.Contains).Select(t => new QcItemRequest(t)).ToList();
                    if (mine.Count == 0 || (run < times && inspector is not ContentInspector))
                    {
                        continue;
                    }

                    var inspection = new QcInspection(path, probe, mine, work.FullName);
                    if (inspector is ContentInspector content && CanMeasure)
                    {
                        var (report, cost) = await MeasureAsync(content, inspection, run, cancellationToken);
                        reports.Add(report);
                        costs.Add(cost);
                    }
                    else
                    {
                        reports.Add(await inspector.InspectAsync(inspection, new Progress<double>(), cancellationToken));
                    }
                }
            }

            Print(parse.GetValue(json), path, wanted, reports, costs);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Print(bool json, string path, IReadOnlyList<string> items, IReadOnlyList<QcReport> reports, List<ContentPassCost> costs)
    {
        var findings = reports.SelectMany(r => r.Findings).OrderBy(f => f.StartTime).ThenBy(f => f.Type, StringComparer.Ordinal).ToList();
        var diagnoses = reports.SelectMany(r => r.Diagnoses).ToList();
        var scores = reports.SelectMany(r => r.Scores).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                File = path,
                Items = items,
                Findings = findings,
                Diagnoses = diagnoses,
                Scores = scores,
                CommandLines = reports.Select(r => r.CommandLine).Where(c => c.Length > 0),
                ContentPassCost = costs.Count > 0 ? costs[^1] : null,
                ContentPassCosts = costs,
            }, Json));
            return;
        }

        Console.WriteLine($"{path}: {findings.Count} finding(s), items {string.Join(',', items)}");
        foreach (var f in findings)
        {
            var area = f.Area is { } a ? " area " + string.Join(',', a) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Type,-18} {f.StartTime,8:0.000}s – {f.EndTime,8:0.000}s  confidence {f.Confidence,3}{area}"));
        }

        foreach (var d in diagnoses)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {d.Type,-18} {d.SeverityLevel} at {string.Join(", ", d.Timestamps.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)))}"));
        }

        foreach (var (name, value) in scores)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} = {value:0.##}"));
        }

        foreach (var c in costs)
        {
            var detectors = string.Join(", ", c.DetectorCpuSeconds.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} {d.Value:0.00}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  content pass run {c.Run}: wall {c.WallSeconds:0.00} s, process CPU {c.CpuSeconds:0.00} s, ffmpeg CPU {c.FfmpegCpuSeconds:0.00} s; frame detectors' CPU: {(detectors.Length > 0 ? detectors : "none")}"));
        }
    }
}
