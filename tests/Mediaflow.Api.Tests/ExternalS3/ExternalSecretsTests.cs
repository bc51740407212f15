using System.Text.Json.Nodes;
using Mediaflow.Application.ExternalS3;
using Mediaflow.Domain.Orchestrations;

namespace Mediaflow.Api.Tests.ExternalS3;

public class ExternalSecretsTests
{
    private static OrchestrationDefinition Definition(string triggerKey, string outputKey, string secretId = "AKID1") => new()
    {
        ScheduleName = "s",
        Trigger = new WorkflowTrigger
        {
            Type = WorkflowTrigger.AwsS3FileUpload,
            AwsS3FileUploadTrigger = new AwsS3FileUploadTrigger { S3Bucket = "in", S3Region = "us-east-1", S3SecretId = secretId, S3SecretKey = triggerKey },
        },
        OutputStorage = new TaskOutputStorage
        {
            Type = TaskOutputStorage.AwsS3,
            S3OutputStorage = new S3OutputStorage { S3Bucket = "out", S3Region = "us-east-1", S3SecretId = secretId, S3SecretKey = outputKey },
        },
    };

    [Fact]
    public void MaskIn_NestedS3SecretKeys_AllMaskedOthersKept()
    {
        var info = JsonNode.Parse("""{"Trigger":{"AwsS3FileUploadTrigger":{"S3SecretId":"AKID1","S3SecretKey":"k1"}},"OutputStorage":{"S3OutputStorage":{"S3SecretKey":"k2"}},"Activities":[{"S3SecretKey":"k3"}]}""");

        ExternalSecrets.MaskIn(info);

        Assert.Equal("""{"Trigger":{"AwsS3FileUploadTrigger":{"S3SecretId":"AKID1","S3SecretKey":"***"}},"OutputStorage":{"S3OutputStorage":{"S3SecretKey":"***"}},"Activities":[{"S3SecretKey":"***"}]}""", info!.ToJsonString());
    }

    [Fact]
    public void CarryOver_MaskEchoedWithSameSecretId_KeepsStoredKeys()
    {
        var merged = ExternalSecrets.CarryOver(Definition("old-in", "old-out"), Definition("***", "***"));

        Assert.Equal(("old-in", "old-out"), (merged.Trigger!.AwsS3FileUploadTrigger!.S3SecretKey, merged.OutputStorage!.S3OutputStorage!.S3SecretKey));
    }

    [Fact]
    public void CarryOver_NewKeys_Used() =>
        Assert.Equal("new-in", ExternalSecrets.CarryOver(Definition("old-in", "old-out"), Definition("new-in", "new-out")).Trigger!.AwsS3FileUploadTrigger!.S3SecretKey);

    [Fact]
    public void CarryOver_MaskWithAnotherSecretId_NotCarried() =>
        Assert.Equal("***", ExternalSecrets.CarryOver(Definition("old-in", "old-out"), Definition("***", "***", secretId: "AKID2")).Trigger!.AwsS3FileUploadTrigger!.S3SecretKey);
}
