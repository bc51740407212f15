namespace Mediaflow.Persistence.Engine;

/// <summary>A named position in a durable log, e.g. the last object event the trigger matcher has processed.</summary>
public sealed class CheckpointRow
{
    public string Name { get; set; } = "";
    public long Position { get; set; }
}
