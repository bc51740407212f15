using JasperFx;
using Mediaflow.Engine.Nodes;
using Mediaflow.Engine.Notifications;
using Mediaflow.Engine.Tasks;
using Mediaflow.Engine.Triggers;
using Mediaflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;
using Wolverine.EntityFrameworkCore;
using Wolverine.Postgresql;
using Wolverine.Sqlite;

namespace Mediaflow.Engine.Hosting;

/// <summary>
/// Registers the engine: tasks and node runs execute as Wolverine messages on durable local queues whose envelopes live
/// in the same database as the application state, and every state change commits together with the messages it causes
/// (EF Core transactional outbox). Handlers are registered explicitly, so the call path is followable.
/// </summary>
public static class EngineRegistration
{
    public const string TaskQueue = "mf-tasks";
    public const string NodeQueue = "mf-nodes";
    public const string NotificationQueue = "mf-notifications";

    public static IServiceCollection AddMediaflowEngine(this IServiceCollection services, DatabaseOptions database, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(options);
        services.AddDbContextWithWolverineIntegration<MediaflowDbContext>(builder => builder.UseMediaflowDatabase(database));
        services.AddSingleton<TaskStateWriter>();
        services.AddSingleton<TaskProgression>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<RunningTasks>();
        services.AddSingleton<NodeSlots>();
        services.AddSingleton<NodeShutdown>();
        services.AddSingleton<ISourceProbe, MediaSourceProbe>();
        services.AddSingleton<INodeExecutor, TranscodeNodeExecutor>();
        services.AddSingleton<INodeExecutor, SnapshotByTimeOffsetNodeExecutor>();
        services.AddSingleton<INodeExecutor, SampleSnapshotNodeExecutor>();
        services.AddSingleton<INodeExecutor, ImageSpriteNodeExecutor>();
        services.AddSingleton<INodeExecutor, AnimatedGraphicsNodeExecutor>();
        services.AddSingleton<INodeExecutor, AdaptiveDynamicStreamingNodeExecutor>();
        services.AddSingleton<QualityControl.QualityControlCatalog>();
        services.AddSingleton<INodeExecutor, QualityControlNodeExecutor>();
        services.AddSingleton<INodeExecutor, AiRecognitionNodeExecutor>();
        services.AddSingleton<INodeExecutor, AiContentReviewNodeExecutor>();
        services.AddSingleton<WordSampleLibrary>();
        services.AddSingleton<PersonSampleLibrary>();
        services.TryAddSingleton(Domain.Ai.AiModels.None);
        services.AddSingleton<INodeExecutor, AiAnalysisNodeExecutor>();
        services.AddSingleton<INodeExecutor, SmartEraseNodeExecutor>();
        services.AddSingleton<AsrHotwordsLibrary>();
        services.AddSingleton<INodeExecutor, SmartSubtitlesNodeExecutor>();
        services.AddHostedService<TriggerRelay>();
        services.AddSingleton(options.Notifications);
        services.AddSingleton(options.Notifications.Capabilities());
        services.AddSingleton(new AddressPolicy(options.Notifications.AllowedNetworks));
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<ISocketConnector, TcpSocketConnector>();
        services.AddSingleton<CallbackNetworkGuard>();
        services.AddSingleton<SigningSecrets>();
        services.AddSingleton<HttpNotificationSender>();
        services.AddSingleton<AmqpNotificationPublisher>();
        services.AddHttpClient(HttpNotificationSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<CallbackNetworkGuard>().CreateHandler());
        services.AddSingleton<InputFiles>();
        services.AddSingleton<HlsPlaylistStaging>();
        services.AddSingleton<IOutputSink, ExternalOutputSink>();
        services.AddMediaflowExternalS3();
        return services;
    }

    public static void ConfigureMediaflowEngine(this WolverineOptions wolverine, DatabaseOptions database, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(wolverine);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        wolverine.Discovery.DisableConventionalDiscovery();
        wolverine.Discovery.IncludeType<StartTaskHandler>();
        wolverine.Discovery.IncludeType<RunNodeHandler>();
        wolverine.Discovery.IncludeType<DeliverNotificationHandler>();
        wolverine.UseRuntimeCompilation();

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            wolverine.PersistMessagesWithSqlite(database.ConnectionString);
        }
        else
        {
            wolverine.PersistMessagesWithPostgresql(database.ConnectionString, "wolverine");
        }

        wolverine.UseEntityFrameworkCoreTransactions();

        // One node process: Solo recovers a killed process's in-flight messages at once (Balanced waits for a lease).
        wolverine.Durability.Mode = DurabilityMode.Solo;
        wolverine.Policies.UseDurableLocalQueues();

        // Graceful stop: intake stops at once; Wolverine's drain waits for running handlers (its own default of 30 s
        // ignores the host's timeout), and NodeShutdown interrupts the nodes still running when the grace ends.
        wolverine.Durability.DrainTimeout = options.ShutdownDeadline;
        wolverine.AutoBuildMessageStorageOnStartup = AutoCreate.CreateOrUpdate;

        // A node may transcode for hours; the watchdog in the media layer stops stalled work, not this timeout.
        wolverine.DefaultExecutionTimeout = TimeSpan.FromHours(24);

        wolverine.LocalQueue(TaskQueue).UseDurableInbox().MaximumParallelMessages(Math.Max(2, options.NodeConcurrency));
        wolverine.PublishMessage<StartTask>().ToLocalQueue(TaskQueue);
        // More handlers than node slots: they wait in NodeSlots, which hands out slots by TasksPriority.
        wolverine.LocalQueue(NodeQueue).UseDurableInbox().MaximumParallelMessages(Math.Max(1, options.NodeConcurrency) * 8);
        wolverine.PublishMessage<RunNode>().ToLocalQueue(NodeQueue);
        wolverine.LocalQueue(NotificationQueue).UseDurableInbox().MaximumParallelMessages(4);
        wolverine.PublishMessage<DeliverNotification>().ToLocalQueue(NotificationQueue);
    }
}
