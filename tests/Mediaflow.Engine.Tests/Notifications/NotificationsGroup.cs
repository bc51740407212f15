namespace Mediaflow.Engine.Tests.Notifications;

/// <summary>The notification delivery tests share one engine host and one RabbitMQ node.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationsGroup : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications";
}
