using System.Diagnostics;

namespace Mediaflow.Server.Tests.Support;

/// <summary>Runs the <c>mediaflow</c> command line (the same build as the server) as a separate process.</summary>
public static class MediaflowCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(params string[] arguments) => RunWithEnvironmentAsync(new Dictionary<string, string>(), arguments);

    public static async Task<Result> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var name in new[] { "MEDIAFLOW_ENDPOINT", "MEDIAFLOW_SECRET_ID", "MEDIAFLOW_SECRET_KEY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(MediaflowServer.ServerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
