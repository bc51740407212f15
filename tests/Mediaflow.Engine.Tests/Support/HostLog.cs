using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>
/// Keeps a host's log lines in memory (Mediaflow at Information, everything else at Warning) so a test that times out
/// can say what the engine was doing.
/// </summary>
public sealed class HostLog : ILoggerProvider
{
    private const int Capacity = 2000;
    private readonly ConcurrentQueue<string> lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public string Tail(int count = 40) => string.Join('\n', lines.TakeLast(count));

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lines.Enqueue(line);
        while (lines.Count > Capacity && lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(HostLog owner, string category) : ILogger
    {
        private readonly LogLevel minimum = category.StartsWith("Mediaflow", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            owner.Add(exception is null ? line : $"{line}\n  {exception.GetType().Name}: {exception.Message}");
        }
    }
}
