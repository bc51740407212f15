using System.Text.Json;

namespace Mediaflow.Domain.Orchestrations;

/// <summary>Where task events go (reference/mps-api.md §9).</summary>
public sealed record TaskNotifyConfig
{
    public string? NotifyType { get; init; }
    public string? NotifyMode { get; init; }
    public string? NotifyUrl { get; init; }
    public string? CmqModel { get; init; }
    public string? CmqRegion { get; init; }
    public string? TopicName { get; init; }
    public string? QueueName { get; init; }
    public JsonElement? AwsSQS { get; init; }
    public string? NotifyKey { get; init; }

    public const string ModeFinish = "Finish";
    public const string ModeChange = "Change";
    public const string TypeUrl = "URL";
    public const string TypeScf = "SCF";
    public const string TypeCmq = "CMQ";
    public const string TypeTdmqCmq = "TDMQ-CMQ";
    public const string TypeAwsSqs = "AWS-SQS";
    public const string CmqQueue = "Queue";
    public const string CmqTopic = "Topic";

    /// <summary>The NotifyType values the API defines (reference/mps-api.md §9); any other value is invalid, not merely unsupported.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal) { TypeCmq, TypeTdmqCmq, TypeUrl, TypeScf, TypeAwsSqs };

    /// <summary>DESIGN §7.6: an empty NotifyType with a NotifyUrl means URL.</summary>
    public string EffectiveType => string.IsNullOrEmpty(NotifyType) && !string.IsNullOrEmpty(NotifyUrl) ? TypeUrl : NotifyType ?? "";

    public string EffectiveMode => string.IsNullOrEmpty(NotifyMode) ? ModeFinish : NotifyMode;
}
