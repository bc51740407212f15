using Microsoft.Extensions.DependencyInjection;
using Wolverine.Persistence.Durability;

namespace Mediaflow.Engine.Tests.Support;

/// <summary>The durable engine's own message store, seen from outside: envelopes dead-lettered as failures.</summary>
public sealed partial class EngineHost
{
    /// <summary>How many envelopes Wolverine has moved to its dead-letter storage (a handler that failed).</summary>
    public async Task<int> DeadLetterCountAsync()
    {
        var counts = await Services.GetRequiredService<IMessageStore>().Admin.FetchCountsAsync();
        return counts.DeadLetter;
    }

    /// <summary>Waits until no envelope is waiting or in flight in the inbox: every handler run so far has ended.</summary>
    public async Task WaitForIdleInboxAsync()
    {
        var store = Services.GetRequiredService<IMessageStore>();
        var incoming = -1;
        await Eventually.WaitAsync(async () =>
        {
            incoming = (await store.Admin.FetchCountsAsync()).Incoming;
            return incoming == 0;
        }, TimeSpan.FromSeconds(60), () => $"inbox idle: {incoming} incoming\nhost log:\n{Log.Tail()}");
    }
}
