namespace Mediaflow.Engine.Tests.Support;

/// <summary>A scratch directory, deleted on dispose (kept when MEDIAFLOW_TEST_KEEP_DIRS=1).</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "mf-engine-")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Directory(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("MEDIAFLOW_TEST_KEEP_DIRS") == "1")
        {
            return; // kept for a post-mortem look at the databases and logs
        }

        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp dir must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
