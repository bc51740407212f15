namespace Mediaflow.Server.Cli;

/// <summary>An API call answered with <c>Response.Error</c>.</summary>
public sealed class MpsCallException(string code, string message) : Exception($"{code}: {message}")
{
    public MpsCallException()
        : this("", "")
    {
    }

    public MpsCallException(string message, Exception innerException)
        : this("", message + ": " + innerException?.Message)
    {
    }

    public string Code { get; } = code;
}
