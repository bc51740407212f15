using System.Text.Json;
using Mediaflow.Domain.Errors;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;
using static Mediaflow.Domain.Tests.Orchestrations.Dag;

namespace Mediaflow.Domain.Tests.Orchestrations;

public class OrchestrationRulesTests
{
    internal static OrchestrationDefinition Valid() => new()
    {
        ScheduleName = "demo-schedule",
        Trigger = CosTrigger(),
        Activities = Simple(),
    };

    private static WorkflowTrigger CosTrigger(string? dir = "/input/", IReadOnlyList<string>? formats = null) => new()
    {
        Type = WorkflowTrigger.CosFileUpload,
        CosFileUploadTrigger = new CosFileUploadTrigger { Bucket = "test-1250000000", Region = "ap-guangzhou", Dir = dir, Formats = formats },
    };

    private static OrchestrationDefinition WithTranscode(TranscodeTaskInput transcode) =>
        Valid() with { Activities = [Input(1), Trans(2) with { ActivityPara = new ActivityPara { TranscodeTask = transcode } }, Output()] };

    [Fact]
    public void Validate_MinimalDefinition_IsValid() => OrchestrationRules.Validate(Valid());

    [Fact]
    public void Validate_Null_Throws() => Assert.Throws<ArgumentNullException>(() => OrchestrationRules.Validate(null!));

    [Fact]
    public void Validate_EveryOptionalFieldSet_IsValid() => OrchestrationRules.Validate(Valid() with
    {
        OutputStorage = new TaskOutputStorage { Type = "COS", CosOutputStorage = new CosOutputStorage { Bucket = "out-1250000000", Region = "ap-guangzhou" } },
        OutputDir = "/output/",
        TaskNotifyConfig = new TaskNotifyConfig { NotifyType = "URL", NotifyMode = "Change", NotifyUrl = "https://example.com/cb", NotifyKey = "k" },
        ResourceId = "default",
    });

    [Fact]
    public void Validate_DagErrorInAnOtherwiseValidDefinition_NamesNode() =>
        Refusal.ExpectNode(1, () => OrchestrationRules.Validate(Valid() with { Activities = [Input(1), Trans(), Output()] }));

    [Fact]
    public void Validate_MissingActivities_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.Validate(Valid() with { Activities = null }));

    // ---- ScheduleName ----

    [Theory]
    [InlineData("a")]
    [InlineData("demo-schedule")]
    [InlineData("Demo_Schedule_2")]
    [InlineData("-_-")]
    [InlineData("0123456789")]
    public void ValidateName_LettersDigitsUnderscoreHyphen_Accepted(string name) => OrchestrationRules.ValidateName(name);

    [Fact]
    public void ValidateName_128Characters_Accepted() => OrchestrationRules.ValidateName(new string('a', 128));

    [Theory]
    [InlineData("has space")]
    [InlineData(" leading")]
    [InlineData("dot.name")]
    [InlineData("slash/name")]
    [InlineData("名字")]
    [InlineData("émile")]
    [InlineData("tab\tname")]
    public void ValidateName_OtherCharacters_InvalidParameterValueName(string name) =>
        Refusal.Expect("InvalidParameterValue.Name", () => OrchestrationRules.ValidateName(name));

    [Theory]
    [InlineData("name\n")]
    [InlineData("name\r\n")]
    [InlineData("\nname")]
    public void ValidateName_Newline_InvalidParameterValueName(string name) =>
        Refusal.Expect("InvalidParameterValue.Name", () => OrchestrationRules.ValidateName(name));

    [Fact]
    public void ValidateName_129Characters_InvalidParameterValueName() =>
        Refusal.Expect("InvalidParameterValue.Name", () => OrchestrationRules.ValidateName(new string('a', 129)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ValidateName_Missing_MissingParameter(string? name) =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.ValidateName(name));

    [Fact]
    public void Validate_BadName_InvalidParameterValueName() =>
        Refusal.Expect("InvalidParameterValue.Name", () => OrchestrationRules.Validate(Valid() with { ScheduleName = "a b" }));

    // ---- Trigger ----

    [Fact]
    public void ValidateTrigger_Missing_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.ValidateTrigger(null));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ValidateTrigger_MissingType_MissingParameter(string? type) =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.ValidateTrigger(CosTrigger() with { Type = type }));

    [Theory]
    [InlineData("cosFileUpload")]
    [InlineData("Upload")]
    public void ValidateTrigger_UnknownType_InvalidParameterValue(string type) =>
        Refusal.Expect(ApiErrorCodes.InvalidParameterValue, () => OrchestrationRules.ValidateTrigger(CosTrigger() with { Type = type }));

    [Fact]
    public void ValidateTrigger_AwsS3FileUploadWithoutItsMember_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.ValidateTrigger(new WorkflowTrigger { Type = WorkflowTrigger.AwsS3FileUpload }));

    [Fact]
    public void ValidateTrigger_CosWithoutCosFileUploadTrigger_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.ValidateTrigger(new WorkflowTrigger { Type = WorkflowTrigger.CosFileUpload }));

    [Theory]
    [InlineData(null, "ap-guangzhou", "Bucket")]
    [InlineData("", "ap-guangzhou", "Bucket")]
    [InlineData("test-1250000000", null, "Region")]
    [InlineData("test-1250000000", "", "Region")]
    public void ValidateTrigger_CosWithoutBucketOrRegion_MissingParameterNamingIt(string? bucket, string? region, string field)
    {
        var trigger = CosTrigger() with { CosFileUploadTrigger = new CosFileUploadTrigger { Bucket = bucket, Region = region } };
        var error = Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.ValidateTrigger(trigger));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/input/")]
    [InlineData("/movie/201907/")]
    public void ValidateTrigger_DirAbsentOrSlashed_Accepted(string? dir) => OrchestrationRules.ValidateTrigger(CosTrigger(dir));

    [Theory]
    [InlineData("input/")]
    [InlineData("/input")]
    [InlineData("input")]
    public void ValidateTrigger_DirWithoutLeadingOrTrailingSlash_InvalidParameterValue(string dir) =>
        Refusal.Expect(ApiErrorCodes.InvalidParameterValue, () => OrchestrationRules.ValidateTrigger(CosTrigger(dir)));

    [Theory]
    [InlineData("mp4")]
    [InlineData(".mp4")]
    [InlineData(".MP4")]
    [InlineData("*")]
    [InlineData("3gp")]
    [InlineData("custom123")]
    public void ValidateTrigger_Format_Accepted(string format) => OrchestrationRules.ValidateTrigger(CosTrigger(formats: [format]));

    [Fact]
    public void ValidateTrigger_EmptyFormatList_Accepted() => OrchestrationRules.ValidateTrigger(CosTrigger(formats: []));

    [Fact]
    public void ValidateTrigger_Format64Characters_Accepted() => OrchestrationRules.ValidateTrigger(CosTrigger(formats: [new string('x', 64)]));

    [Fact]
    public void ValidateTrigger_FormatWithTrailingNewline_InvalidParameterValueFormat() =>
        Refusal.Expect("InvalidParameterValue.Format", () => OrchestrationRules.ValidateTrigger(CosTrigger(formats: ["mp4\n"])));

    [Fact]
    public void ValidateTrigger_NullFormatFromJson_InvalidParameterValueFormat()
    {
        var trigger = JsonSerializer.Deserialize<WorkflowTrigger>(
            """{"Type":"CosFileUpload","CosFileUploadTrigger":{"Bucket":"b","Region":"r","Formats":["mp4",null]}}""");
        Refusal.Expect("InvalidParameterValue.Format", () => OrchestrationRules.ValidateTrigger(trigger));
    }

    [Fact]
    public void ValidateTrigger_Format65Characters_InvalidParameterValueFormat() =>
        Refusal.Expect("InvalidParameterValue.Format", () => OrchestrationRules.ValidateTrigger(CosTrigger(formats: [new string('x', 65)])));

    [Theory]
    [InlineData("m p4")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("mp-4")]
    [InlineData("*.mp4")]
    [InlineData(".*")]
    [InlineData("mp4,mov")]
    public void ValidateTrigger_BadFormat_InvalidParameterValueFormat(string format)
    {
        var error = Refusal.Expect("InvalidParameterValue.Format", () => OrchestrationRules.ValidateTrigger(CosTrigger(formats: ["mov", format])));
        Assert.Contains($"'{format}'", error.Message, StringComparison.Ordinal);
    }

    // ---- OutputStorage and OutputDir ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/output/")]
    [InlineData("/movie/201907/")]
    public void Validate_OutputDirAbsentOrSlashed_Accepted(string? dir) => OrchestrationRules.Validate(Valid() with { OutputDir = dir });

    [Theory]
    [InlineData("output/")]
    [InlineData("/output")]
    [InlineData("output")]
    public void Validate_OutputDirWithoutSlashes_InvalidParameterValueNamingOutputDir(string dir)
    {
        var error = Refusal.Expect(ApiErrorCodes.InvalidParameterValue, () => OrchestrationRules.Validate(Valid() with { OutputDir = dir }));
        Assert.Contains("OutputDir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOutputStorage_CosWithoutBucket_AcceptedAndInherits() =>
        OrchestrationRules.ValidateOutputStorage(new TaskOutputStorage { Type = "COS" }, "OutputStorage");

    [Theory]
    [InlineData("AWS-S3")] // where not allowed: node level and ProcessMedia
    [InlineData("VOD")]
    public void ValidateOutputStorage_KnownButUnimplementedType_UnsupportedOperation(string type) =>
        Refusal.Expect(ApiErrorCodes.UnsupportedOperation, () => OrchestrationRules.ValidateOutputStorage(new TaskOutputStorage { Type = type }, "OutputStorage"));

    [Theory]
    [InlineData("cos")]
    [InlineData("S3")]
    [InlineData(null)]
    public void ValidateOutputStorage_UnknownType_InvalidParameterValueNamingField(string? type)
    {
        var error = Refusal.Expect(ApiErrorCodes.InvalidParameterValue,
            () => OrchestrationRules.ValidateOutputStorage(new TaskOutputStorage { Type = type }, "OutputStorage"));
        Assert.StartsWith("OutputStorage.Type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadOutputStorage_Refused() =>
        Refusal.Expect(ApiErrorCodes.UnsupportedOperation, () => OrchestrationRules.Validate(Valid() with { OutputStorage = new TaskOutputStorage { Type = "VOD" } }));

    // ---- TaskNotifyConfig ----

    [Fact]
    public void ValidateNotify_Absent_Accepted() => OrchestrationRules.ValidateNotify(null);

    [Fact]
    public void ValidateNotify_AllEmpty_AcceptedAsNoNotifications() => OrchestrationRules.ValidateNotify(new TaskNotifyConfig());

    [Theory]
    [InlineData("http://127.0.0.1:9/cb")]
    [InlineData("https://example.com/hooks/mps?x=1")]
    [InlineData("http://[::1]:8080/")]
    public void ValidateNotify_UrlTypeWithHttpUrl_Accepted(string url) =>
        OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "URL", NotifyUrl = url });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ValidateNotify_EmptyTypeWithUrl_MeansUrl(string? type)
    {
        var notify = new TaskNotifyConfig { NotifyType = type, NotifyUrl = "http://127.0.0.1:9/cb" };
        Assert.Equal("URL", notify.EffectiveType);
        OrchestrationRules.ValidateNotify(notify);
    }

    [Fact]
    public void ValidateNotify_EmptyTypeWithBadUrl_InvalidParameterValue() =>
        Refusal.Expect(ApiErrorCodes.InvalidParameterValue, () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyUrl = "ftp://host/cb" }));

    [Theory]
    [InlineData("CMQ")]
    [InlineData("TDMQ-CMQ")]
    [InlineData("SCF")]
    [InlineData("AWS-SQS")]
    public void ValidateNotify_TypeWeCannotDeliver_UnsupportedOperation(string type) =>
        Refusal.Expect(ApiErrorCodes.UnsupportedOperation,
            () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = type, NotifyUrl = "http://127.0.0.1:9/cb", QueueName = "q" }));

    [Theory]
    [InlineData("FOO")]
    [InlineData("url")]
    [InlineData("HTTP")]
    public void ValidateNotify_UnknownType_InvalidParameterValue(string type) =>
        Refusal.Expect(ApiErrorCodes.InvalidParameterValue,
            () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = type, NotifyUrl = "http://127.0.0.1:9/cb" }));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/cb")]
    [InlineData("cb")]
    [InlineData("ftp://example.com/cb")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://")]
    public void ValidateNotify_UrlTypeWithBadUrl_InvalidParameterValue(string? url)
    {
        var error = Refusal.Expect(ApiErrorCodes.InvalidParameterValue, () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "URL", NotifyUrl = url }));
        Assert.Contains("NotifyUrl", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Finish")]
    [InlineData("", "Finish")]
    [InlineData("Finish", "Finish")]
    [InlineData("Change", "Change")]
    public void ValidateNotify_ModeAbsentOrKnown_AcceptedWithEffectiveMode(string? mode, string effective)
    {
        var notify = new TaskNotifyConfig { NotifyType = "URL", NotifyUrl = "http://127.0.0.1:9/cb", NotifyMode = mode };
        Assert.Equal(effective, notify.EffectiveMode);
        OrchestrationRules.ValidateNotify(notify);
    }

    [Theory]
    [InlineData("finish")]
    [InlineData("Always")]
    public void ValidateNotify_BadMode_InvalidParameterValue(string mode)
    {
        var error = Refusal.Expect(ApiErrorCodes.InvalidParameterValue,
            () => OrchestrationRules.ValidateNotify(new TaskNotifyConfig { NotifyType = "URL", NotifyUrl = "http://127.0.0.1:9/cb", NotifyMode = mode }));
        Assert.Contains("NotifyMode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadNotify_Refused() =>
        Refusal.Expect(ApiErrorCodes.UnsupportedOperation, () => OrchestrationRules.Validate(Valid() with { TaskNotifyConfig = new TaskNotifyConfig { NotifyType = "CMQ" } }));

    // ---- Transcode node fields ----

    [Fact]
    public void Validate_TranscodeWithoutDefinition_MissingParameterNamingNode()
    {
        var error = Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput())));
        Assert.StartsWith("Activities[1]: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefinitionZeroWithoutRawParameter_MissingParameter() =>
        Refusal.Expect(ApiErrorCodes.MissingParameter, () => OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 0 })));

    [Fact]
    public void Validate_DefinitionZeroWithRawParameter_Accepted() =>
        OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 0, RawParameter = new TranscodeTemplate { Container = "mp4" } }));

    [Fact]
    public void Validate_RawParameterWithNonZeroDefinition_InvalidParameterValueRawParameter()
    {
        var error = Refusal.Expect("InvalidParameterValue.RawParameter",
            () => OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 100010, RawParameter = new TranscodeTemplate { Container = "mp4" } })));
        Assert.StartsWith("Activities[1]: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{inputName}.{format}")]
    [InlineData("/abs/{inputName}_{definition}.{format}")]
    [InlineData("out/fixed.mp4")]
    public void Validate_OutputObjectPathWithFormatOrExtension_Accepted(string path) =>
        OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 10, OutputObjectPath = path }));

    [Theory]
    [InlineData("{inputName}")]
    [InlineData("out/noext")]
    public void Validate_OutputObjectPathWithoutExtension_InvalidParameterValue(string path) =>
        Refusal.Expect(ApiErrorCodes.InvalidParameterValue, () => OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 10, OutputObjectPath = path })));

    [Theory]
    [InlineData("segs/{inputName}_{number}.{format}")]
    [InlineData("/abs/{number}.ts")]
    public void Validate_SegmentObjectNameWithDirectory_InvalidParameterValueSegmentObjectName(string name) =>
        Refusal.Expect("InvalidParameterValue.SegmentObjectName",
            () => OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 100210, SegmentObjectName = name })));

    [Fact]
    public void Validate_SegmentObjectNameWithoutNumber_InvalidParameterValueSegmentObjectName() =>
        Refusal.Expect("InvalidParameterValue.SegmentObjectName",
            () => OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 100210, SegmentObjectName = "{inputName}_seg.{format}" })));

    [Fact]
    public void Validate_SegmentObjectNameFileName_Accepted() =>
        OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 100210, SegmentObjectName = "{inputName}_seg_{number}.{format}" }));

    [Fact]
    public void Validate_NodeOutputStorageNotCos_RefusedNamingNode()
    {
        var error = Refusal.Expect(ApiErrorCodes.UnsupportedOperation,
            () => OrchestrationRules.Validate(WithTranscode(new TranscodeTaskInput { Definition = 10, OutputStorage = new TaskOutputStorage { Type = "AWS-S3" } })));
        Assert.StartsWith("Activities[1].TranscodeTask.OutputStorage", error.Message, StringComparison.Ordinal);
    }
}
