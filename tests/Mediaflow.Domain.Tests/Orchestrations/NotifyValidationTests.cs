using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Domain.Tests.Orchestrations;

/// <summary>TaskNotifyConfig against what the server's configuration can deliver (DESIGN §7.6): refused at save time.</summary>
public sealed class NotifyValidationTests
{
    private static readonly NotifyCapabilities Broker = new(true, new HashSet<string>(["resize-done"], StringComparer.Ordinal));

    private static TaskNotifyConfig Queue(string type = "CMQ", string? name = "mf-events") =>
        new() { NotifyType = type, CmqModel = "Queue", QueueName = name };

    [Theory]
    [InlineData("CMQ")]
    [InlineData("TDMQ-CMQ")]
    public void ValidateNotify_QueueModelWithBroker_Accepted(string type) => OrchestrationRules.ValidateNotify(Queue(type), Broker);

    [Fact]
    public void ValidateNotify_TopicModelWithBroker_Accepted() =>
        OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "TDMQ-CMQ", CmqModel = "Topic", TopicName = "mf.events" }, Broker);

    [Fact]
    public void ValidateNotify_QueueWithoutBroker_UnsupportedOperationNamingTheSetting()
    {
        var error = Refusal.Expect(ApiErrorCodes.UnsupportedOperation, () => OrchestrationRules.ValidateNotify(Queue(), NotifyCapabilities.UrlOnly));
        Assert.Contains("Notifications:Amqp:Uri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("queue")]
    [InlineData("Fanout")]
    public void ValidateNotify_BadCmqModel_InvalidCmqModel(string? model) =>
        Refusal.Expect("InvalidParameterValue.CmqModel",
            () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "CMQ", CmqModel = model, QueueName = "q" }, Broker));

    [Fact]
    public void ValidateNotify_QueueModelWithoutQueueName_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.ValidateNotify(Queue(name: ""), Broker));

    [Fact]
    public void ValidateNotify_TopicModelWithOnlyQueueName_MissingTopicName()
    {
        var error = Refusal.Expect(ApiErrorCodes.MissingParameter,
            () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "CMQ", CmqModel = "Topic", QueueName = "q" }, Broker));
        Assert.Contains("TopicName", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amq.direct")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    public void ValidateNotify_BadQueueName_InvalidQueueName(string name) =>
        Refusal.Expect("InvalidParameterValue.QueueName", () => OrchestrationRules.ValidateNotify(Queue(name: name), Broker));

    [Fact]
    public void ValidateNotify_QueueName129Chars_Refused() =>
        Refusal.Expect("InvalidParameterValue.QueueName", () => OrchestrationRules.ValidateNotify(Queue(name: new string('q', 129)), Broker));

    [Fact]
    public void ValidateNotify_ConfiguredFunction_Accepted() =>
        OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "SCF", NotifyUrl = "resize-done" }, Broker);

    [Fact]
    public void ValidateNotify_UnknownFunction_UnsupportedOperation()
    {
        var error = Refusal.Expect(ApiErrorCodes.UnsupportedOperation,
            () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "SCF", NotifyUrl = "other" }, Broker));
        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateNotify_FunctionWithoutName_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "SCF" }, Broker));

    [Fact]
    public void ValidateNotify_AwsSqs_UnsupportedOperationEvenWithBroker() =>
        Refusal.Expect(ApiErrorCodes.UnsupportedOperation, () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "AWS-SQS" }, Broker));

    [Fact]
    public void Validate_DefinitionWithQueueNotify_UsesCapabilities()
    {
        var definition = OrchestrationRulesTests.Valid() with { TaskNotifyConfig = Queue() };
        OrchestrationRules.Validate(definition, Broker);
        Refusal.Expect(ApiErrorCodes.UnsupportedOperation, () => OrchestrationRules.Validate(definition));
    }
}
