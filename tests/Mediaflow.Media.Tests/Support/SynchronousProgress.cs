namespace Mediaflow.Media.Tests.Support;

/// <summary>Progress&lt;T&gt; posts to the thread pool; tests want every report before the call returns.</summary>
public sealed class SynchronousProgress(Action<double> report) : IProgress<double>
{
    public void Report(double value) => report(value);
}
