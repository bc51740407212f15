using System.Diagnostics;

namespace Mediaflow.ConsoleTests.Support;

/// <summary>Runs the <c>mediaflow</c> command line with text on its stdin (e.g. the password of <c>users create</c>).</summary>
public static class CliInput
{
    public static async Task<MediaflowCli.Result> RunAsync(string stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(MediaflowServer.ServerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new MediaflowCli.Result(process.ExitCode, await stdout, await stderr);
    }
}
