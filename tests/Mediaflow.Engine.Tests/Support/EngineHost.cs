using System.Net;
using Mediaflow.Media.Processes;
using Mediaflow.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>
/// The engine in process, composed exactly as `mediaflow serve` composes it (<see cref="MediaflowServices.Add"/> with
/// <see cref="ServerSettings"/> read from configuration), on a generic host without HTTP: real FFmpeg, the real disk
/// object store under the data directory, and SQLite in the data directory or the PostgreSQL database the
/// configuration names. Use cases are driven through the application services (<c>EngineHost.UseCases.cs</c>).
/// </summary>
public sealed partial class EngineHost : IAsyncDisposable
{
    /// <summary>Test-friendly settings: the fastest x264/x265 presets and short retry delays.</summary>
    private static readonly Dictionary<string, string?> TestDefaults = new()
    {
        ["Media:X264Preset"] = "ultrafast",
        ["Media:X265Preset"] = "ultrafast",
        ["Media:NoProgressTimeout"] = "00:00:30",
        ["Engine:NodeRetryDelay"] = "00:00:00.200",
        ["Engine:NotificationRetryDelay"] = "00:00:00.200",
        ["Engine:NotificationMaxRetryDelay"] = "00:00:00.500",
        ["Engine:NotificationTimeout"] = "00:00:05",
        ["Notifications:AllowedNetworks:0"] = "127.0.0.0/8", // callback receivers listen on loopback (DESIGN §7.6)
        ["Server:ShutdownGraceSeconds"] = "2",
    };

    private readonly IHost host;
    private bool stopped;

    private EngineHost(IHost host, string dataDirectory, HostLog log)
    {
        this.host = host;
        DataDirectory = dataDirectory;
        Log = log;
    }

    public IServiceProvider Services => host.Services;

    public string DataDirectory { get; }

    public HostLog Log { get; }

    /// <summary>ffmpeg/ffprobe children this host has running now.</summary>
    public IReadOnlyCollection<int> RunningMediaProcesses => Services.GetRequiredService<ChildProcessRegistry>().RunningProcessIds;

    /// <param name="configuration">Overrides, e.g. <c>Database:Provider</c> + <c>Database:ConnectionString</c> for PostgreSQL.</param>
    public static async Task<EngineHost> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = dataDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(TestDefaults.Concat(configuration).GroupBy(kv => kv.Key).Select(g => g.Last()));
        var log = new HostLog();
        builder.Logging.AddProvider(log);
        builder.Logging.SetMinimumLevel(LogLevel.Information);

        var serve = new ServeOptions(dataDirectory, new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0), ServeOptions.DefaultRegion);
        MediaflowServices.Add(builder, ServerSettings.From(builder.Configuration, serve));
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host, dataDirectory, log);
    }

    /// <summary>A graceful stop, as on SIGTERM: intake stops and running nodes are interrupted after the grace time.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
