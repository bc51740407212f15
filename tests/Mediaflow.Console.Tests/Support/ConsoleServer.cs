namespace Mediaflow.ConsoleTests.Support;

/// <summary>
/// A real <c>mediaflow serve</c> whose console root is a small directory the fixture writes (an index.html and one
/// asset), so the HTTP tests need no npm build.
/// </summary>
public sealed class ConsoleServer : MediaflowServer
{
    public ConsoleServer()
    {
        Root = Directory.CreateTempSubdirectory("mf-console-root-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "assets"));
        File.WriteAllText(Path.Combine(Root, "index.html"), "<!doctype html><title>console fixture</title><div id=root></div>");
        File.WriteAllText(Path.Combine(Root, "assets", "app-1234.js"), "console.log('fixture')");
    }

    public string Root { get; }

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["MEDIAFLOW__Console__Root"] = Root,
        ["MEDIAFLOW__Storage__MinimumPartSize"] = "1024",
    };
}

/// <summary>A server whose configured console root holds no build.</summary>
public sealed class UnbuiltConsoleServer : MediaflowServer
{
    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["MEDIAFLOW__Console__Root"] = Path.Combine(Path.GetTempPath(), "mf-no-console-here"),
    };
}

/// <summary>A console server with low sign-in limits (3 failures per user name, 6 per address, in 15 minutes).</summary>
public sealed class LimitedConsoleServer : MediaflowServer
{
    public LimitedConsoleServer()
    {
        Root = Directory.CreateTempSubdirectory("mf-console-root-").FullName;
        File.WriteAllText(Path.Combine(Root, "index.html"), "<!doctype html><title>console fixture</title><div id=root></div>");
    }

    public string Root { get; }

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["MEDIAFLOW__Console__Root"] = Root,
        ["MEDIAFLOW__Console__SignInFailuresPerUser"] = "3",
        ["MEDIAFLOW__Console__SignInFailuresPerAddress"] = "6",
    };
}
