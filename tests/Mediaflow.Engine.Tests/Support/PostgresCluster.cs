using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>
/// A private PostgreSQL cluster for one test class: <c>initdb</c> into a temp directory and <c>pg_ctl start</c> on a
/// free loopback port (unix socket in the same directory), stopped and deleted on dispose. Run as the <c>postgres</c>
/// user when the tests run as root (initdb refuses root). Any failure to start is thrown, so the tests FAIL, never skip.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private readonly string binDirectory;
    private readonly string root;
    private readonly bool asPostgresUser;

    private PostgresCluster(string binDirectory, string root, bool asPostgresUser, int port)
    {
        this.binDirectory = binDirectory;
        this.root = root;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(root, "data");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBinDirectory();
        var root = Path.Combine(Path.GetTempPath(), "mf-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgresUser: false);
        }

        var cluster = new PostgresCluster(bin, root, asPostgres, FreePort());
        try
        {
            await cluster.RunToolAsync("initdb", ["-D", cluster.DataDirectory, "-A", "trust", "-U", SuperUser, "--no-sync", "-E", "UTF8", "--locale=C"]);
            var settings = string.Join(' ',
                $"-p {cluster.Port.ToString(CultureInfo.InvariantCulture)}",
                $"-k {root}",
                "-c listen_addresses=127.0.0.1",
                "-c max_connections=300",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            await cluster.RunToolAsync("pg_ctl", ["-D", cluster.DataDirectory, "-l", Path.Combine(root, "postgres.log"), "-o", settings, "-w", "-t", "60", "start"]);
            return cluster;
        }
        catch (Exception exception)
        {
            var log = Path.Combine(root, "postgres.log");
            var tail = File.Exists(log) ? string.Join('\n', (await File.ReadAllLinesAsync(log)).TakeLast(20)) : "(no server log)";
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"Could not start a private PostgreSQL cluster with {bin}: {exception.Message}\nserver log:\n{tail}", exception);
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={SuperUser};Database={database};Pooling=true;Maximum Pool Size=40";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("MEDIAFLOW_TEST_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        const string debian = "/usr/lib/postgresql";
        var candidates = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (install them with scripts/install-deps --test, or set MEDIAFLOW_TEST_PG_BIN)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(binDirectory, tool), arguments, asPostgresUser);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgresUser)
    {
        var start = asPostgresUser ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asPostgresUser)
        {
            foreach (var a in new[] { "-u", SuperUser, "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
        }
    }
}
