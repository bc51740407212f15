namespace Mediaflow.Engine.Notifications;

/// <summary><c>Notifications:Amqp</c>: the broker queue and topic notifications are published to.</summary>
public sealed class AmqpBrokerOptions
{
    /// <summary>e.g. <c>amqp://user:password@broker:5672/vhost</c>; unset = CMQ notify types are refused at save time.</summary>
    public Uri? Uri { get; set; }
}
