using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

/// <summary>Short builders for Activities arrays, so each test reads like the graph it describes.</summary>
internal static class Dag
{
    public static Activity Input(params long[] next) => new() { ActivityType = ActivityTypes.Input, ReardriveIndex = next };

    public static Activity Output() => new() { ActivityType = ActivityTypes.Output };

    /// <summary>An <c>action-trans</c> node with preset 100010.</summary>
    public static Activity Trans(params long[] next) => new()
    {
        ActivityType = ActivityTypes.Transcode,
        ReardriveIndex = next,
        ActivityPara = TranscodePara(100010),
    };

    public static Activity Node(string type, ActivityPara? para, params long[] next) => new()
    {
        ActivityType = type,
        ReardriveIndex = next,
        ActivityPara = para,
    };

    public static ActivityPara TranscodePara(long definition) => new() { TranscodeTask = new TranscodeTaskInput { Definition = definition } };

    /// <summary>input → trans → output.</summary>
    public static Activity[] Simple() => [Input(1), Trans(2), Output()];

    /// <summary>The 11-node graph of Tencent's terraform acceptance test (reference/mps-api.md §6.1).</summary>
    public static Activity[] Terraform() =>
    [
        Input(1, 2),
        Trans(3),
        Trans(6, 7),
        Trans(4, 5),
        Trans(10),
        Trans(10),
        Trans(10),
        Trans(8),
        Trans(9),
        Trans(10),
        Output(),
    ];
}
