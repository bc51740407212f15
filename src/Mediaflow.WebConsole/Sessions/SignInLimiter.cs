namespace Mediaflow.WebConsole.Sessions;

/// <summary>What the limiter says about a sign-in attempt: allowed, or refused until <see cref="RetryAfter"/> has passed.</summary>
/// <param name="Scope">Which limit refused it: <c>address</c> or <c>user</c>.</param>
public sealed record SignInVerdict(bool Allowed, TimeSpan RetryAfter, string? Scope)
{
    public static readonly SignInVerdict Allow = new(true, TimeSpan.Zero, null);

    /// <summary>The Retry-After header value: whole seconds, at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// Limits failed console sign-ins per remote address and per user name over a sliding window (docs/console.md): each
/// key keeps the times of its failures within <see cref="ConsoleOptions.SignInWindow"/>; a key with as many failures as
/// its limit is refused until the oldest of them leaves the window. A successful sign-in clears its user name's
/// failures (not its address's). In memory: a restart forgets the counts. Time is the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SignInLimiter(ConsoleOptions options, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly Dictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>May this address try to sign in as this user now?</summary>
    public SignInVerdict Check(string address, string user)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var byAddress = Refusal(AddressKey(address), options.SignInFailuresPerAddress, now);
            var byUser = Refusal(UserKey(user), options.SignInFailuresPerUser, now);
            return (byAddress, byUser) switch
            {
                (null, null) => SignInVerdict.Allow,
                ({ } a, null) => new SignInVerdict(false, a, "address"),
                (null, { } u) => new SignInVerdict(false, u, "user"),
                ({ } a, { } u) => a >= u ? new SignInVerdict(false, a, "address") : new SignInVerdict(false, u, "user"),
            };
        }
    }

    public void RecordFailure(string address, string user)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (failures.Count > SweepAbove)
            {
                Sweep(now);
            }

            Add(AddressKey(address), now);
            Add(UserKey(user), now);
        }
    }

    public void RecordSuccess(string user)
    {
        lock (gate)
        {
            failures.Remove(UserKey(user));
        }
    }

    private static string AddressKey(string address) => "a:" + address;

    private static string UserKey(string user) => "u:" + user;

    private TimeSpan? Refusal(string key, int limit, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times))
        {
            return null;
        }

        Trim(times, now);
        if (times.Count == 0)
        {
            failures.Remove(key);
            return null;
        }

        // Refused while `limit` failures are inside the window: until the one that would bring it back under leaves it.
        return times.Count >= limit ? times.ElementAt(times.Count - limit) + options.SignInWindow - now : null;
    }

    private void Add(string key, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times))
        {
            failures[key] = times = new Queue<DateTimeOffset>();
        }

        Trim(times, now);
        times.Enqueue(now);
    }

    private void Trim(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && now - times.Peek() >= options.SignInWindow)
        {
            times.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, times) in failures.ToList())
        {
            Trim(times, now);
            if (times.Count == 0)
            {
                failures.Remove(key);
            }
        }
    }
}
