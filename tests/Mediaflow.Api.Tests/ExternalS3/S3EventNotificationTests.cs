using Mediaflow.Application.ExternalS3;

namespace Mediaflow.Api.Tests.ExternalS3;

/// <summary>The webhook bodies of S3 (documented event structure 2.1) and MinIO (its webhook target's shape).</summary>
public class S3EventNotificationTests
{
    private const string AwsPut = """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2026-11-25T18:01:02.345Z",
          "eventName":"ObjectCreated:Put","userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},"requestParameters":{"sourceIPAddress":"203.0.113.7"},
          "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
          "s3":{"s3SchemaVersion":"1.0","configurationId":"mediaflow","bucket":{"name":"uploads","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::uploads"},
          "object":{"key":"in/my+clip%C3%A9.mp4","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e","sequencer":"0055AED6DCD90281E5"}}}]}
        """;

    private const string MinioMultipart = """
        {"EventName":"s3:ObjectCreated:CompleteMultipartUpload","Key":"uploads/big.mp4","Records":[{"eventVersion":"2.0","eventSource":"minio:s3",
          "awsRegion":"","eventTime":"2026-11-25T18:05:00.000Z","eventName":"s3:ObjectCreated:CompleteMultipartUpload","userIdentity":{"principalId":"minioadmin"},
          "requestParameters":{"principalId":"minioadmin","region":"","sourceIPAddress":"127.0.0.1"},"responseElements":{"x-amz-request-id":"17A0","x-minio-origin-endpoint":"http://127.0.0.1:9000"},
          "s3":{"s3SchemaVersion":"1.0","configurationId":"Config","bucket":{"name":"uploads","ownerIdentity":{"principalId":"minioadmin"},"arn":"arn:aws:s3:::uploads"},
          "object":{"key":"big.mp4","size":20971520,"eTag":"9b2cf535f27731c974343645a3985328-3","contentType":"video/mp4","userMetadata":{"content-type":"video/mp4"},"sequencer":"17A0"}},
          "source":{"host":"127.0.0.1","port":"","userAgent":"MinIO (linux; amd64) minio-go/v7"}}]}
        """;

    [Fact]
    public void Parse_AwsPut_DecodesKeyAndKeepsEtagSizeAndTime()
    {
        var (created, skipped) = S3EventNotification.Parse(AwsPut);

        var item = Assert.Single(created);
        Assert.Equal(0, skipped);
        Assert.Equal(new S3EventNotification.Created("uploads", "in/my clipé.mp4", "d41d8cd98f00b204e9800998ecf8427e", 1024,
            new DateTimeOffset(2026, 11, 25, 18, 1, 2, 345, TimeSpan.Zero)), item);
    }

    [Fact]
    public void Parse_MinioCompleteMultipart_PrefixedEventNameAccepted()
    {
        var item = Assert.Single(S3EventNotification.Parse(MinioMultipart).Created);

        Assert.Equal(("uploads", "big.mp4", "9b2cf535f27731c974343645a3985328-3", 20971520L), (item.Bucket, item.Key, item.ETag, item.Size));
    }

    [Theory]
    [InlineData("ObjectRemoved:Delete")]
    [InlineData("s3:ObjectRemoved:Delete")]
    [InlineData("ObjectRestore:Completed")]
    public void Parse_OtherEventTypes_Skipped(string name)
    {
        var (created, skipped) = S3EventNotification.Parse(AwsPut.Replace("ObjectCreated:Put", name, StringComparison.Ordinal));

        Assert.Empty(created);
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void Parse_RecordWithoutETag_SkippedNotGuessed()
    {
        var (created, skipped) = S3EventNotification.Parse(AwsPut.Replace("\"eTag\":\"d41d8cd98f00b204e9800998ecf8427e\",", "", StringComparison.Ordinal));

        Assert.Empty(created);
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void Parse_QuotedETag_Unquoted() =>
        Assert.Equal("abc", Assert.Single(S3EventNotification.Parse(AwsPut.Replace("\"d41d8cd98f00b204e9800998ecf8427e\"", "\"\\\"abc\\\"\"", StringComparison.Ordinal)).Created).ETag);

    [Fact]
    public void Parse_S3TestEvent_NothingAndNoError() =>
        Assert.Empty(S3EventNotification.Parse("""{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-25T18:00:00.000Z","Bucket":"uploads","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}""").Created);

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"Records":5}""")]
    [InlineData("""{"records":[]}""")]
    public void Parse_NotAnEventNotification_FormatException(string body) =>
        Assert.Throws<FormatException>(() => S3EventNotification.Parse(body));
}
