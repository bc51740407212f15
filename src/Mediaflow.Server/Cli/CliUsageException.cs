namespace Mediaflow.Server.Cli;

/// <summary>A command cannot run as asked (bad argument, nothing to connect to): printed as one line, exit code 2.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
