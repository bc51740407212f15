namespace Mediaflow.Api.Actions;

/// <summary>The response of actions that answer nothing but the RequestId (e.g. DeleteSchedule).</summary>
public sealed class MpsEmptyResponse
{
    private MpsEmptyResponse()
    {
    }

    public static MpsEmptyResponse Instance { get; } = new();
}
