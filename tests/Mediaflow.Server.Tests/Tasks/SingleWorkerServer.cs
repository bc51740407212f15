using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>A server that runs one node at a time (<c>Engine:NodeConcurrency</c> 1), so a second task's node has to wait.</summary>
public sealed class SingleWorkerServer : MediaflowServer
{
    protected override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["MEDIAFLOW__Engine__NodeConcurrency"] = "1",
    };
}
