using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using static Mediaflow.Domain.Tests.Orchestrations.Dag;

namespace Mediaflow.Domain.Tests.Orchestrations;

public class OrchestrationRulesExternalTests
{
    private static AwsS3FileUploadTrigger Trigger() => new()
    {
        S3Bucket = "uploads",
        S3Region = "us-east-1",
        Dir = "/in/",
        S3SecretId = "AKIDEXAMPLE",
        S3SecretKey = "secret",
    };

    private static TaskOutputStorage S3Output(string bucket = "renditions") => new()
    {
        Type = TaskOutputStorage.AwsS3,
        S3OutputStorage = new S3OutputStorage { S3Bucket = bucket, S3Region = "us-east-1", S3SecretId = "AKIDEXAMPLE", S3SecretKey = "secret" },
    };

    private static OrchestrationDefinition Valid(AwsS3FileUploadTrigger? trigger = null) => new()
    {
        ScheduleName = "external",
        Trigger = new WorkflowTrigger { Type = WorkflowTrigger.AwsS3FileUpload, AwsS3FileUploadTrigger = trigger ?? Trigger() },
        Activities = Simple(),
        OutputStorage = S3Output(),
        OutputDir = "/out/",
    };

    [Fact]
    public void Validate_AwsTriggerAndS3Output_IsValid() => OrchestrationRules.Validate(Valid());

    [Fact]
    public void WatchedBucket_AwsTrigger_IsS3BucketAndRegion()
    {
        var trigger = Valid().Trigger!;
        Assert.Equal(("uploads", "us-east-1"), (trigger.WatchedBucket(), trigger.WatchedRegion()));
    }

    [Theory]
    [InlineData(null, "us-east-1", "k", "s", "S3Bucket")]
    [InlineData("uploads", "", "k", "s", "S3Region")]
    [InlineData("uploads", "us-east-1", null, "s", "S3SecretId")]
    [InlineData("uploads", "us-east-1", "k", "", "S3SecretKey")]
    public void Validate_AwsTriggerMissingField_MissingParameterNamingIt(string? bucket, string? region, string? id, string? key, string field)
    {
        var error = Refusal.Expect(ApiErrorCodes.MissingParameter,
            () => OrchestrationRules.Validate(Valid(Trigger() with { S3Bucket = bucket, S3Region = region, S3SecretId = id, S3SecretKey = key })));
        Assert.Contains("Trigger.AwsS3FileUploadTrigger." + field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Uploads")]
    [InlineData("up")]
    [InlineData("up/loads")]
    public void Validate_AwsTriggerBadBucketName_InvalidS3Bucket(string bucket) =>
        Refusal.Expect(ApiErrorCodes.InvalidValue("S3Bucket"), () => OrchestrationRules.Validate(Valid(Trigger() with { S3Bucket = bucket })));

    [Fact]
    public void Validate_MaskedSecretKey_InvalidS3SecretKey() =>
        Refusal.Expect(ApiErrorCodes.InvalidValue("S3SecretKey"), () => OrchestrationRules.Validate(Valid(Trigger() with { S3SecretKey = "***" })));

    [Fact]
    public void Validate_AwsTriggerBadRegion_InvalidS3Region() =>
        Refusal.Expect(ApiErrorCodes.InvalidValue("S3Region"), () => OrchestrationRules.Validate(Valid(Trigger() with { S3Region = "us east" })));

    [Fact]
    public void Validate_AwsTriggerDirWithoutSlashes_InvalidParameterValue() =>
        Refusal.Expect(ApiErrorCodes.InvalidParameterValue, () => OrchestrationRules.Validate(Valid(Trigger() with { Dir = "in" })));

    [Fact]
    public void Validate_AwsTriggerBadFormat_InvalidFormat() =>
        Refusal.Expect(ApiErrorCodes.InvalidValue("Format"), () => OrchestrationRules.Validate(Valid(Trigger() with { Formats = ["m p4"] })));

    [Fact]
    public void Validate_AwsSqsGiven_RefusedNamingAwsSqs()
    {
        using var sqs = JsonDocument.Parse("""{"SQSRegion":"us-east-1","SQSQueueName":"q"}""");
        Refusal.Expect(ApiErrorCodes.InvalidValue("AwsSQS"), () => OrchestrationRules.Validate(Valid(Trigger() with { AwsSQS = sqs.RootElement.Clone() })));
    }

    [Fact]
    public void Validate_S3OutputWithoutMember_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter,
            () => OrchestrationRules.Validate(Valid() with { OutputStorage = new TaskOutputStorage { Type = TaskOutputStorage.AwsS3 } }));

    [Fact]
    public void Validate_S3OutputWithCosTrigger_IsValid() => OrchestrationRules.Validate(Valid() with
    {
        Trigger = new WorkflowTrigger
        {
            Type = WorkflowTrigger.CosFileUpload,
            CosFileUploadTrigger = new CosFileUploadTrigger { Bucket = "test-1250000000", Region = "ap-guangzhou" },
        },
    });

    [Fact]
    public void Validate_S3OutputAndChainedTranscode_UnsupportedOperationNamingNode() =>
        Refusal.Expect(ApiErrorCodes.UnsupportedOperation, () => OrchestrationRules.Validate(Valid() with { Activities = [Input(1), Trans(2), Trans(3), Output()] }));

    [Fact]
    public void Validate_S3OutputAndNodeLevelOutputStorage_UnsupportedOperation() =>
        Refusal.Expect(ApiErrorCodes.UnsupportedOperation, () => OrchestrationRules.Validate(Valid() with
        {
            Activities =
            [
                Input(1),
                Trans(2) with
                {
                    ActivityPara = new ActivityPara
                    {
                        TranscodeTask = new TranscodeTaskInput { Definition = 100010, OutputStorage = new TaskOutputStorage { Type = "COS" } },
                    },
                },
                Output(),
            ],
        }));
}
