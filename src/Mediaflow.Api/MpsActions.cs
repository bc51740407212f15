using Mediaflow.Api.Actions;
using Mediaflow.Api.Notifications;

namespace Mediaflow.Api;

/// <summary>
/// Every MPS action this server answers, one line per feature file. To add an action: write its feature file with a
/// static <c>Register(MpsActionTable)</c> and list it here — no scanning, the call path stays followable.
/// </summary>
public static class MpsActions
{
    public static MpsActionTable Register(MpsActionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ParseNotificationAction.Register(table);
        return table;
    }
}
