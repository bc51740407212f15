using System.Reflection;
using System.Text.RegularExpressions;
using Mediaflow.Domain.Tests.Orchestrations;

namespace Mediaflow.Media.Tests.Coverage;

/// <summary>Reads a docs/coverage table (field | status | FFmpeg mapping | test) and checks what every table shares.</summary>
internal static partial class CoverageTable
{
    public static List<CoverageRow> Read(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Coverage", fileName);
        var lines = File.ReadAllLines(path);
        var rows = new List<CoverageRow>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|') || line.StartsWith("| field", StringComparison.Ordinal) || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 4)
            {
                throw new InvalidOperationException($"{fileName} line {i + 1}: {cells.Length} cells, expected 4 (field, status, FFmpeg mapping, test); no '|' inside cells");
            }

            var tests = CodeSpan().Matches(cells[3]).Select(m => m.Groups[1].Value).ToList();
            rows.Add(new CoverageRow(cells[0].Trim('`'), cells[1], cells[2], tests, i + 1));
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>Rows with an unknown status, no mapping or no test, and fields with two rows.</summary>
    public static List<string> Malformed(IReadOnlyList<CoverageRow> rows, IReadOnlyCollection<string> statuses)
    {
        var problems = new List<string>();
        foreach (var row in rows)
        {
            if (!statuses.Contains(row.Status))
            {
                problems.Add($"line {row.Line}: {row.Field}: status '{row.Status}' is not one of {string.Join(", ", statuses)}");
            }

            if (row.Mapping.Length == 0)
            {
                problems.Add($"line {row.Line}: {row.Field}: empty FFmpeg mapping (write — for a refused field)");
            }

            if (row.Tests.Count == 0)
            {
                problems.Add($"line {row.Line}: {row.Field}: no test named");
            }
        }

        problems.AddRange(rows.GroupBy(r => r.Field, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {g.Count()} rows"));
        return problems;
    }

    /// <summary>Named tests that are not [Fact]/[Theory] methods of Mediaflow.Media.Tests or Mediaflow.Domain.Tests.</summary>
    public static List<string> MissingTests(IEnumerable<CoverageRow> rows)
    {
        Assembly[] assemblies = [typeof(CoverageTable).Assembly, typeof(OrchestrationRulesTests).Assembly];
        var missing = new List<string>();
        foreach (var row in rows)
        {
            foreach (var test in row.Tests)
            {
                var dot = test.LastIndexOf('.');
                var type = dot > 0 ? assemblies.Select(a => a.GetType(test[..dot])).FirstOrDefault(t => t is not null) : null;
                var exists = type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                    .Any(m => m.Name == test[(dot + 1)..] && m.GetCustomAttributes<FactAttribute>(inherit: true).Any()) ?? false;
                if (!exists)
                {
                    missing.Add($"line {row.Line}: {row.Field}: {test}");
                }
            }
        }

        return missing;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}

internal sealed record CoverageRow(string Field, string Status, string Mapping, IReadOnlyList<string> Tests, int Line);
