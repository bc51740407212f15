namespace Mediaflow.Server.Tests.Support;

/// <summary>The live descendants of a process, read from <c>/proc/*/stat</c> (Linux).</summary>
public static class ProcessTree
{
    public sealed record Member(int Pid, int ParentPid, string Command);

    public static IReadOnlyList<Member> Descendants(int root)
    {
        var all = new List<Member>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // the process ended between listing and reading
            }

            // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split at the last ')'.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var rest = stat[(close + 2)..].Split(' ');
            if (rest[0] == "Z")
            {
                continue; // a zombie is already dead; it only waits for its parent to reap it
            }

            all.Add(new Member(pid, int.Parse(rest[1]), stat[(open + 1)..close]));
        }

        var found = new List<Member>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(m => m.ParentPid == parent))
            {
                found.Add(child);
                frontier.Enqueue(child.Pid);
            }
        }

        return found;
    }
}
