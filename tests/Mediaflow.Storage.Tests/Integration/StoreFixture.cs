using Amazon.Runtime;
using Amazon.S3;
using Mediaflow.Domain.Accounts;
using Mediaflow.Persistence;
using Mediaflow.Storage.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Storage.Tests.Integration;

/// <summary>
/// The store on a real Kestrel at 127.0.0.1:0 with a temp data dir and a real, migrated SQLite file; with
/// <c>MEDIAFLOW_TEST_POSTGRES</c> set to a server connection string, a fresh PostgreSQL database instead.
/// </summary>
public class StoreFixture : IAsyncLifetime, Compliance.IObjectStoreTarget
{
    public const long AppId = 1250000001;
    public const long OtherAppId = 1250000002;
    public const long MinimumPartSize = 64 * 1024;

    private readonly string root = Path.Combine(Path.GetTempPath(), "mf-store-" + Guid.NewGuid().ToString("N"));
    private readonly System.Threading.Channels.Channel<string> started = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private readonly System.Threading.Channels.Channel<string> finished = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private WebApplication? app;

    public AccessKey Key { get; } = InMemoryCredentials.NewKey(AppId);

    public AccessKey OtherKey { get; } = InMemoryCredentials.NewKey(OtherAppId);

    public Uri Endpoint { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    /// <summary>"METHOD /path" of every request whose server-side handling has ended, in order.</summary>
    public System.Threading.Channels.ChannelReader<string> FinishedRequests => finished.Reader;

    /// <summary>"METHOD /path" of every request the server has begun handling (its head has been parsed), in order.</summary>
    public System.Threading.Channels.ChannelReader<string> StartedRequests => started.Reader;

    /// <summary>Reserve of free disk the store keeps (<see cref="StorageOptions.MinFreeBytes"/>); 0 = guard off.</summary>
    protected virtual long MinFreeBytes => 0;

    public string DataDirectory => Path.Combine(root, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        var database = await TestDatabase.CreateAsync(root);
        SchemaMigrator.MigrateUp(database);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.UseObjectStoreConnectionGuard()));
        builder.Services.AddSingleton<ICredentialLookup>(new InMemoryCredentials(Key, OtherKey));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContextFactory<MediaflowDbContext>(o => o.UseMediaflowDatabase(database));
        builder.Services.AddMediaflowObjectStore(new StorageOptions
        {
            RootDirectory = DataDirectory,
            MinimumPartSize = MinimumPartSize,
            MinFreeBytes = MinFreeBytes,

            // Long enough that a wake-up within a test's timeout can only come from the in-process signal.
            EventPollFallback = TimeSpan.FromSeconds(30),
        });
        app = builder.Build();

        // Lets a test wait for the server side of a request to end (e.g. one whose client went away mid-body).
        app.Use(async (context, next) =>
        {
            started.Writer.TryWrite(context.Request.Method + " " + context.Request.Path);
            try
            {
                await next(context);
            }
            finally
            {
                finished.Writer.TryWrite(context.Request.Method + " " + context.Request.Path);
            }
        });
        app.RunObjectStore();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Endpoint = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(root, recursive: true);
    }

    /// <summary>AWSSDK.S3 on its default settings (aws-chunked, signed streaming, CRC32 trailer) plus path-style.</summary>
    public AmazonS3Client Client(AccessKey? key = null, string? secretOverride = null)
    {
        key ??= Key;
        var config = new AmazonS3Config { ServiceURL = Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "ap-guangzhou" };
        return new AmazonS3Client(new BasicAWSCredentials(key.SecretId, secretOverride ?? key.SecretKey), config);
    }

    public MediaflowDbContext Db() => Services.GetRequiredService<IDbContextFactory<MediaflowDbContext>>().CreateDbContext();

    public static string NewBucketName() => "t-" + Guid.NewGuid().ToString("N")[..20];

    long Compliance.IObjectStoreTarget.MinimumPartSize => MinimumPartSize;

    Amazon.S3.IAmazonS3 Compliance.IObjectStoreTarget.CreateClient() => Client();

    string Compliance.IObjectStoreTarget.FreshBucketName() => NewBucketName();
}
