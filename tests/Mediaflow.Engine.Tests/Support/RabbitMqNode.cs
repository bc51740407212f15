using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>
/// A private RabbitMQ node from Debian's <c>rabbitmq-server</c> (scripts/install-deps --test), started and stopped by
/// the test harness: its own node name, data/log directories and Erlang cookie under a temp directory, AMQP, Erlang
/// distribution and epmd on free ports bound to 127.0.0.1 (stack-notes "RabbitMQ private node on loopback"). Disposing
/// stops the node and then the epmd it started, by port.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private readonly TempDirectory root = new("mf-rabbitmq-");
    private readonly Dictionary<string, string> environment;
    private readonly string nodeName = $"mf{Environment.ProcessId}x{Random.Shared.Next(100_000)}@localhost";
    private readonly List<string> output = [];
    private Process? server;

    private RabbitMqNode()
    {
        AmqpPort = FreePort();
        var home = root.Directory("home");
        File.WriteAllText(Path.Combine(root.Path, "enabled_plugins"), "[].");
        environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_MNESIA_BASE"] = root.Directory("mnesia"),
            ["RABBITMQ_LOG_BASE"] = root.Directory("log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root.Path, "rabbitmq"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root.Path, "enabled_plugins"),
        };
    }

    public int AmqpPort { get; }

    /// <summary>The default guest account, which RabbitMQ admits from loopback only.</summary>
    public Uri Uri => new($"amqp://guest:guest@127.0.0.1:{AmqpPort}/");

    public static async Task<RabbitMqNode> StartAsync()
    {
        var node = new RabbitMqNode();
        try
        {
            node.server = node.Start(Path.Combine(Bin, "rabbitmq-server"));
            await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public async Task<IConnection> ConnectAsync() => await new ConnectionFactory { Uri = Uri }.CreateConnectionAsync();

    public async ValueTask DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            using var stop = Start(Path.Combine(Bin, "rabbitmqctl"), "-n", nodeName, "stop");
            await stop.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await server.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }

        server?.Dispose();
        using (var epmd = Start("epmd", "-kill")) // the epmd on our ERL_EPMD_PORT only
        {
            await epmd.WaitForExitAsync();
        }

        root.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (server!.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with {server.ExitCode}:\n{Output()}");
            }

            try
            {
                await using var connection = await ConnectAsync();
                return;
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(250);
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException exception)
            {
                throw new InvalidOperationException($"RabbitMQ not ready after {timeout.TotalSeconds} s:\n{Output()}", exception);
            }
        }
    }

    private Process Start(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return string.Join('\n', output.TakeLast(40));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
