namespace Mediaflow.Domain.Ai;

/// <summary>SDK <c>AsrHotWordsConfigure</c>: use the account's hot-word library <see cref="LibraryId"/> (a <c>CreateAsrHotwords</c> id) when Switch is ON.</summary>
public sealed record AsrHotWordsConfigure
{
    public string? Switch { get; init; }
    public string? LibraryId { get; init; }

    public bool IsOn => Switch == AiSwitch.On;
}
