using Microsoft.Extensions.Hosting;

namespace Mediaflow.Engine.Nodes;

/// <summary>
/// The end of the shutdown grace (DESIGN §7.1: SIGTERM stops intake, lets running nodes finish within a grace time and
/// requeues the rest). <see cref="Token"/> is cancelled once the host has been stopping for
/// <see cref="EngineOptions.ShutdownGrace"/>; nodes still running then stop their FFmpeg and are handed back for the
/// next process without spending an attempt. Wolverine alone never interrupts a running handler: its drain only stops
/// waiting for it.
/// </summary>
public sealed class NodeShutdown : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly CancellationTokenRegistration registration;

    public NodeShutdown(IHostApplicationLifetime lifetime, EngineOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(options);
        source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        registration = lifetime.ApplicationStopping.Register(() => source.CancelAfter(options.ShutdownGrace));
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        registration.Dispose();
        source.Dispose();
    }
}
