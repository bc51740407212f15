using System.CommandLine;
using Mediaflow.Application.Accounts;
using Mediaflow.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Mediaflow.Server.Cli;

/// <summary>`mediaflow serve`: run everything in one process until SIGINT/SIGTERM.</summary>
public static class ServeCommand
{
    public static Command Create(Option<string> dataDirectory)
    {
        var apiListen = new Option<string>("--api-listen")
        {
            Description = "MPS API (and console) listen address; port 0 picks a free port. Env MEDIAFLOW_API_LISTEN.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MEDIAFLOW_API_LISTEN") ?? ServeOptions.DefaultApiListen,
        };
        var storeListen = new Option<string>("--store-listen")
        {
            Description = "S3/COS object store listen address; port 0 picks a free port. Env MEDIAFLOW_STORE_LISTEN.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MEDIAFLOW_STORE_LISTEN") ?? ServeOptions.DefaultStoreListen,
        };
        var region = new Option<string>("--region")
        {
            Description = "Region of buckets created without one.",
            DefaultValueFactory = _ => ServeOptions.DefaultRegion,
        };
        var command = new Command("serve", "Run the API, the object store, the workers and the console in one process.")
        {
            dataDirectory, apiListen, storeListen, region,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ServeOptions(
                Path.GetFullPath(parse.GetValue(dataDirectory)!),
                ServeOptions.ParseEndpoint(parse.GetValue(apiListen)!, "--api-listen"),
                ServeOptions.ParseEndpoint(parse.GetValue(storeListen)!, "--store-listen"),
                parse.GetValue(region)!);
            return await RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ServeOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        EndpointsFile.Delete(options.DataDirectory); // a stale file from an earlier run must not point clients at dead ports
        var credentials = new CredentialStore(options.DataDirectory);
        var key = credentials.EnsureDefaultAccount(
            long.TryParse(Environment.GetEnvironmentVariable("MEDIAFLOW_BOOTSTRAP_APPID"), out var appId) ? appId : null,
            Environment.GetEnvironmentVariable("MEDIAFLOW_BOOTSTRAP_SECRETID"),
            Environment.GetEnvironmentVariable("MEDIAFLOW_BOOTSTRAP_SECRETKEY"));
        WebApplication built;
        try
        {
            built = ServerHost.Build(options, credentials);
        }
        catch (Media.Ai.Whisper.WhisperModelException exception)
        {
            // A configured but unusable Whisper model is a configuration error: say so and exit, no stack trace.
            await Console.Error.WriteLineAsync($"mediaflow serve: {exception.Message}");
            return 1;
        }

        await using var app = built;
        await app.StartAsync(cancellationToken);
        var (api, store) = app.Services.GetRequiredService<Listeners>().Bound();
        var endpoints = EndpointsFile.From(api, store);
        endpoints.Write(options.DataDirectory);
        await Console.Out.WriteLineAsync($"""
            Mediaflow is serving (data directory {options.DataDirectory})
              MPS API:      {endpoints.Api}
              Object store: {endpoints.Store}  (S3 path-style; COS via Host <bucket>.cos.<region>.<domain>)
              Console:      {endpoints.Console}  ({(app.Services.GetRequiredService<Mediaflow.WebConsole.Endpoints.StaticConsole>().Root is { } root ? $"sign in with the SecretId and SecretKey; served from {root}" : "not built: (cd console && npm ci && npm run build)")})
              Account:      AppId {key.AppId}, SecretId {key.SecretId}
              Credentials:  {credentials.FilePath}  (`mediaflow keys show --data-dir {options.DataDirectory}`)
            """);
        await app.WaitForShutdownAsync(cancellationToken);
        EndpointsFile.Delete(options.DataDirectory);
        return 0;
    }
}
