using System.Diagnostics;
using Mediaflow.Api.Tests.TestSupport;

namespace Mediaflow.Api.Tests.Sdk;

/// <summary>
/// Runs tests/sdk-node/api-signature.test.mjs — the official tencentcloud-sdk-nodejs-mps — against the API started by
/// this fixture. Needs node and npm on PATH (installs node_modules with <c>npm ci</c> when missing).
/// </summary>
public sealed class NodeSdkTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task OfficialNodeSdk_ParseNotification_SignaturesAndErrorsUnderstood()
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "sdk-node");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "tencentcloud-sdk-nodejs-mps")))
        {
            await RunAsync(directory, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], new Dictionary<string, string>());
        }

        var key = server.Credentials.CreateKey();
        var output = await RunAsync(
            directory,
            "node",
            ["--test", "--test-reporter=tap", "api-signature.test.mjs"],
            new Dictionary<string, string>
            {
                ["MEDIAFLOW_API_ENDPOINT"] = server.BaseAddress.Authority,
                ["MEDIAFLOW_SECRET_ID"] = key.SecretId,
                ["MEDIAFLOW_SECRET_KEY"] = key.SecretKey,
            });

        Assert.Contains("# pass 5", output, StringComparison.Ordinal);
        Assert.Contains("# skipped 0", output, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(string directory, string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mediaflow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Mediaflow.sln not found above " + AppContext.BaseDirectory);
    }
}
