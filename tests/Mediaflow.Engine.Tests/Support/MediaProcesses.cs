namespace Mediaflow.Engine.Tests.Support;

/// <summary>Looks at child processes through <c>/proc</c>, independently of the media layer's own bookkeeping.</summary>
public static class MediaProcesses
{
    /// <summary>Whether a process with this id exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The command name (<c>/proc/&lt;pid&gt;/comm</c>), or null when the process is gone.</summary>
    public static string? Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
