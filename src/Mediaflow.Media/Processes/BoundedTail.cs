namespace Mediaflow.Media.Processes;

/// <summary>The last N lines of a stream (each cut at a maximum length); thread-safe.</summary>
public sealed class BoundedTail(int maxLines, int maxLineLength = 2000)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var cut = line.Length > maxLineLength ? line[..maxLineLength] + "…" : line;
        lock (gate)
        {
            lines.Enqueue(cut);
            while (lines.Count > maxLines)
            {
                lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (gate)
        {
            return [.. lines];
        }
    }
}
