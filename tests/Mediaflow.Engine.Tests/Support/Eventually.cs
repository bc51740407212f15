namespace Mediaflow.Engine.Tests.Support;

/// <summary>
/// Waits for an observable condition (a task state, a received callback) with a deadline. Tests assert on the state
/// reached, never on how long it took; the deadline only turns a hang into a failure that says what was awaited.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        var time = TimeProvider.System;
        var deadline = time.GetUtcNow() + timeout;
        while (!await condition())
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"not reached within {timeout.TotalSeconds:0} s: {describe()}");
            }

            await Task.Delay(Interval, time);
        }
    }

    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        WaitAsync(() => Task.FromResult(condition()), timeout, describe);
}
