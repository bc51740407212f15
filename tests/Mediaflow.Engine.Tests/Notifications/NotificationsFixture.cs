using Mediaflow.Engine.Tests.Support;

namespace Mediaflow.Engine.Tests.Notifications;

/// <summary>
/// One engine host (SQLite) configured for every notification channel: a private RabbitMQ node on loopback as the
/// broker, an SCF function name mapped to a local receiver, loopback allowlisted for the callback receivers, and a
/// 1 s delivery timeout so slow receivers are cut off quickly. Stops the host and then the broker.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    public const string FunctionName = "on-task-event";

    private EngineHost? host;
    private RabbitMqNode? broker;
    private CallbackReceiver? function;
    private SourceMedia? media;

    public TempDirectory Root { get; } = new("mf-notify-");

    public EngineHost Host => host ?? throw new InvalidOperationException("not started");

    public RabbitMqNode Broker => broker ?? throw new InvalidOperationException("not started");

    /// <summary>The endpoint the configuration maps <see cref="FunctionName"/> to.</summary>
    public CallbackReceiver Function => function ?? throw new InvalidOperationException("not started");

    public SourceMedia Media => media ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var generating = SourceMedia.CreateAsync(Root.Directory("media"));
        var starting = RabbitMqNode.StartAsync();
        function = await CallbackReceiver.StartAsync();
        broker = await starting;
        media = await generating;
        host = await EngineHost.StartAsync(Root.Directory("data"), new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Engine:NotificationTimeout"] = "00:00:01",
            ["Notifications:Amqp:Uri"] = broker.Uri.ToString(),
            [$"Notifications:Functions:{FunctionName}"] = new Uri(function.Url, "/functions/" + FunctionName).ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (function is not null)
        {
            await function.DisposeAsync();
        }

        if (broker is not null)
        {
            await broker.DisposeAsync();
        }

        Root.Dispose();
    }
}
