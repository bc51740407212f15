namespace Mediaflow.Engine.Triggers;

public static class ScheduleStatus
{
    public const string Enabled = "Enabled";
    public const string Disabled = "Disabled";
}
