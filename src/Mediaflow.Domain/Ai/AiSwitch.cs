namespace Mediaflow.Domain.Ai;

/// <summary>
/// A <c>{Switch: "ON"|"OFF"}</c> member of an AI template (reference/mps-api.md §13.9); absent = OFF. Its constants are
/// the <c>Switch</c> values of every AI template member.
/// </summary>
public sealed record AiSwitch
{
    public const string On = "ON";
    public const string Off = "OFF";

    public string? Switch { get; init; }

    public static bool IsOn(AiSwitch? configure) => configure?.Switch == On;
}
