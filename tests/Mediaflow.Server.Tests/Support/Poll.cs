namespace Mediaflow.Server.Tests.Support;

/// <summary>
/// Waits for something the server does asynchronously (a task finishing, a process going away). The timeout only
/// keeps a broken server from hanging the run; no test asserts on how long anything took.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"gave up after {timeout.TotalSeconds:0} s: {describe()}");
            }

            await Task.Delay(Interval, CancellationToken.None);
        }
    }

    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> describe)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? found = null;
        await UntilAsync(async () => (found = await probe()) is not null, timeout, describe);
        return found!;
    }
}
