namespace Mediaflow.Engine.Notifications;

/// <summary>The SSRF guard refused every address of a callback host; no connection was attempted.</summary>
public sealed class CallbackRefusedException(string message) : Exception(message)
{
    public CallbackRefusedException()
        : this("refused by the SSRF guard")
    {
    }

    public CallbackRefusedException(string message, Exception innerException)
        : this(message + ": " + innerException?.Message)
    {
    }
}
