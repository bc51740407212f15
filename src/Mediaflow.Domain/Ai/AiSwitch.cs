namespace Mediaflow.Domain.Ai;

/// <summary>The <c>Switch</c> values of every AI template member.</summary>
public static class AiSwitch
{
    public const string On = "ON";
    public const string Off = "OFF";
}
