using Mediaflow.Api;
using Mediaflow.Api.ExternalS3;
using Mediaflow.Application.Accounts;
using Mediaflow.Domain.Accounts;
using Mediaflow.Storage.Hosting;
using Mediaflow.WebConsole;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Server.Hosting;

/// <summary>
/// The table of contents of `mediaflow serve`: one process with the MPS API, the S3/COS object store, the workers
/// (Wolverine durable queues) and the console, on SQLite and local disk under the data directory by default.
/// </summary>
public static class ServerHost
{
    public static WebApplication Build(ServeOptions serve, CredentialStore credentials)
    {
        ArgumentNullException.ThrowIfNull(serve);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = serve.DataDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(serve.DataDirectory, "mediaflow.json"), optional: true)
            .AddEnvironmentVariables("MEDIAFLOW__");
        // SQL statements and Wolverine's per-message chatter are debugging detail; "Logging" configuration can raise them.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning).AddFilter("Wolverine", LogLevel.Warning).AddFilter("JasperFx", LogLevel.Warning);
        // Two console lines per request (start, finish) cost a small object PUT a measurable share of its CPU (docs/storage.md).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        var settings = ServerSettings.From(builder.Configuration, serve);

        var listeners = new Listeners();
        builder.Services.AddSingleton(listeners);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            listeners.Bind(kestrel, serve);
            // Configuration may raise the request buffer, never below what the store's body batches need (null = unbounded).
            if (kestrel.Limits.MaxRequestBufferSize is { } buffer && buffer < ObjectStoreApplicationBuilderExtensions.MinimumRequestBufferSize)
            {
                kestrel.Limits.MaxRequestBufferSize = ObjectStoreApplicationBuilderExtensions.MinimumRequestBufferSize;
            }
        });

        builder.Services.AddSingleton(credentials);
        builder.Services.AddSingleton<ICredentialLookup>(credentials);
        MediaflowServices.Add(builder, settings);
        builder.Services.AddMediaflowApi();
        builder.Services.AddMediaflowConsole(builder.Configuration.GetSection("Console").Get<ConsoleOptions>() ?? new ConsoleOptions());

        var app = builder.Build();
        app.MapWhen(Listeners.IsStoreRequest, store => store.RunObjectStore());
        app.MapMediaflowApi();
        app.MapExternalS3Events();
        app.MapMediaflowConsole();
        return app;
    }
}
