using System.Text;

namespace Mediaflow.Media.Processes;

/// <summary>Formats a program and its arguments POSIX-shell-quoted, for logs only: processes are started with <c>ArgumentList</c>.</summary>
public static class CommandLine
{
    public static string Format(string program, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', new[] { program }.Concat(arguments).Select(Quote));
    }

    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,+%@".Contains(c, StringComparison.Ordinal)))
        {
            return value;
        }

        return new StringBuilder("'").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'').ToString();
    }
}
