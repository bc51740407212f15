using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;

namespace Mediaflow.Server.Tests.Support;

/// <summary>
/// A real <c>mediaflow serve</c> child process on free 127.0.0.1 ports with its own data directory, shared by the tests
/// of one class (an xunit class fixture). Subclasses add configuration through <see cref="Environment"/>.
/// </summary>
public class MediaflowServer : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<string> log = new();
    private readonly HttpClient http = new();
    private Process? process;

    /// <summary>The built server next to the tests (the ProjectReference copies it).</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "mediaflow.dll");

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("mf-server-").FullName;

    /// <summary>Scratch space for media the tests make and fetch.</summary>
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("mf-media-").FullName;

    public Uri Api { get; private set; } = new("http://127.0.0.1/");

    public Uri Store { get; private set; } = new("http://127.0.0.1/");

    public AccountKey Account { get; private set; } = new(0, "", "");

    public int Pid => process?.Id ?? throw new InvalidOperationException("server not started");

    public bool HasExited => process?.HasExited ?? true;

    /// <summary>The COS-style bucket name of the default account (<c>media-&lt;AppId&gt;</c>).</summary>
    public string MediaBucket => $"media-{Account.AppId}";

    public static string Region => Orchestrations.Region;

    /// <summary>The default account's MPS client.</summary>
    public MpsClient Mps { get; private set; } = null!;

    /// <summary>The last lines of the server's stdout/stderr, for assertion messages.</summary>
    public string LogTail(int lines = 60) => string.Join('\n', log.TakeLast(lines));

    protected virtual IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>();

    public MpsClient MpsFor(AccountKey key) => new(http, Api, key, LogTail);

    /// <summary>AWSSDK.S3 on its default settings (aws-chunked signed streaming with a CRC32 trailer), path-style.</summary>
    public AmazonS3Client S3For(AccountKey key) => new(
        new BasicAWSCredentials(key.SecretId, key.SecretKey),
        new AmazonS3Config { ServiceURL = Store.ToString(), ForcePathStyle = true, AuthenticationRegion = Region });

    public async Task<HttpResponseMessage> GetAsync(Uri uri) => await http.GetAsync(uri);

    /// <summary>Runs before the server starts (after it, <see cref="Environment"/> is read): subclasses make files their configuration names.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ServerDll, "serve", "--data-dir", DataDirectory, "--api-listen", "127.0.0.1:0", "--store-listen", "127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "MEDIAFLOW_DATA_DIR", "MEDIAFLOW_API_LISTEN", "MEDIAFLOW_STORE_LISTEN", "MEDIAFLOW_BOOTSTRAP_APPID", "MEDIAFLOW_BOOTSTRAP_SECRETID", "MEDIAFLOW_BOOTSTRAP_SECRETKEY" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["Logging__LogLevel__Wolverine"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var endpointsFile = Path.Combine(DataDirectory, "endpoints.json");
        await Poll.UntilAsync(() => Task.FromResult(File.Exists(endpointsFile) || process.HasExited), StartTimeout, () => "server did not write endpoints.json:\n" + LogTail());
        if (process.HasExited)
        {
            throw new InvalidOperationException($"server exited with {process.ExitCode}:\n{LogTail()}");
        }

        using var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(endpointsFile));
        Api = new Uri(endpoints.RootElement.GetProperty(nameof(Api)).GetString()!);
        Store = new Uri(endpoints.RootElement.GetProperty(nameof(Store)).GetString()!);
        using var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(DataDirectory, "credentials.json")));
        var account = credentials.RootElement.GetProperty("Accounts")[0];
        var key = account.GetProperty("Keys")[0];
        Account = new AccountKey(account.GetProperty("AppId").GetInt64(), key.GetProperty("SecretId").GetString()!, key.GetProperty("SecretKey").GetString()!);
        Mps = MpsFor(Account);
    }

    /// <summary>Kills the server process (like a crash) and starts a new one on the same data directory (new ports).</summary>
    public async Task RestartAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
            process = null;
        }

        File.Delete(Path.Combine(DataDirectory, "endpoints.json"));
        await InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }

        Directory.Delete(DataDirectory, recursive: true);
        Directory.Delete(WorkDirectory, recursive: true);
    }

    public void Dispose()
    {
        process?.Dispose();
        http.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 2000 && log.TryDequeue(out _))
        {
        }
    }
}
