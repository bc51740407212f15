using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.ExternalS3;

/// <summary>
/// Two real servers: the "external" S3 service is a second <c>mediaflow serve</c> with its own data directory, reached
/// by the main server only through AWSSDK.S3 on the endpoint configured for <see cref="Region"/>. The main server's
/// periodic reconciliation is slowed to an hour so a test decides when it runs (<c>POST …/reconcile</c>).
/// </summary>
public sealed class ExternalS3Servers : IAsyncLifetime, IDisposable
{
    public const string Region = "us-east-1";
    public const string Secret = "event-secret-for-tests";
    private readonly HttpClient http = new();

    public MediaflowServer External { get; } = new();

    public MediaflowServer Main { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await External.InitializeAsync();
        Main = new ConfiguredServer(new Dictionary<string, string>
        {
            [$"MEDIAFLOW__ExternalS3__Endpoints__{Region}"] = External.Store.ToString(),
            ["MEDIAFLOW__ExternalS3__EventSecret"] = Secret,
            ["MEDIAFLOW__ExternalS3__ReconcileIntervalSeconds"] = "3600",
        });
        await Main.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Main.DisposeAsync();
        await External.DisposeAsync();
    }

    public void Dispose()
    {
        Main?.Dispose();
        External.Dispose();
        http.Dispose();
    }

    /// <summary>The external service's client, as a user of that service would have it.</summary>
    public AmazonS3Client ExternalS3() => External.S3For(External.Account);

    public async Task<string> CreateExternalBucketAsync(string prefix)
    {
        var name = $"{prefix}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        using var s3 = ExternalS3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    /// <summary>Uploads to the external bucket; returns the ETag (no quotes) and LastModified it reports.</summary>
    public async Task<(string ETag, DateTimeOffset LastModified)> PutExternalAsync(string bucket, string key, string path)
    {
        using var s3 = ExternalS3();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path });
        var head = await s3.GetObjectMetadataAsync(bucket, key);
        return (head.ETag.Trim('"'), new DateTimeOffset(head.LastModified!.Value.ToUniversalTime(), TimeSpan.Zero));
    }

    /// <summary>CreateSchedule body: an AwsS3FileUpload trigger on <paramref name="bucket"/> under <paramref name="dir"/>, transcoding to 100010.</summary>
    public object Schedule(string name, string bucket, string dir, object outputStorage, string outputDir = "/out/", string region = Region) => new
    {
        ScheduleName = name,
        Trigger = new
        {
            Type = "AwsS3FileUpload",
            AwsS3FileUploadTrigger = new
            {
                S3Bucket = bucket,
                S3Region = region,
                Dir = dir,
                Formats = new[] { "mp4" },
                S3SecretId = External.Account.SecretId,
                S3SecretKey = External.Account.SecretKey,
            },
        },
        Activities = Orchestrations.Transcodes(100010),
        OutputStorage = outputStorage,
        OutputDir = outputDir,
    };

    public object S3Output(string bucket) => new
    {
        Type = "AWS-S3",
        S3OutputStorage = new { S3Bucket = bucket, S3Region = Region, S3SecretId = External.Account.SecretId, S3SecretKey = External.Account.SecretKey },
    };

    /// <summary>Posts an S3 event notification, shaped as S3 sends it (key URL-encoded, ETag without quotes).</summary>
    public async Task<HttpResponseMessage> PostEventAsync(string bucket, string key, string etag, DateTimeOffset eventTime, string? secret = Secret, string region = Region)
    {
        var body = new
        {
            Records = new[]
            {
                new
                {
                    eventVersion = "2.1",
                    eventSource = "aws:s3",
                    awsRegion = region,
                    eventTime = eventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    eventName = "ObjectCreated:Put",
                    s3 = new
                    {
                        s3SchemaVersion = "1.0",
                        bucket = new { name = bucket, arn = $"arn:aws:s3:::{bucket}" },
                        @object = new { key = Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal), size = 1, eTag = etag, sequencer = "0055AED6DCD90281E5" },
                    },
                },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Main.Api, $"mf/s3-events/{region}")) { Content = JsonContent.Create(body, options: new JsonSerializerOptions()) };
        if (secret is not null)
        {
            request.Headers.Add("X-Mf-Event-Secret", secret);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Runs the main server's list reconciliation of <see cref="Region"/> now; returns how many tasks it created.</summary>
    public async Task<int> ReconcileAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Main.Api, $"mf/s3-events/{Region}/reconcile"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Secret);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"reconcile: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("TasksCreated").GetInt32();
    }

    /// <summary>Task ids of the main server's tasks whose input is this external object (every status).</summary>
    public async Task<List<string>> TasksOfAsync(string bucket, string key)
    {
        var found = new List<string>();
        foreach (var status in new[] { "WAITING", "PROCESSING", "FINISH" })
        {
            var page = await Main.Mps.OkAsync("DescribeTasks", new { Status = status, Limit = 100 });
            foreach (var task in page.GetProperty("TaskSet").EnumerateArray())
            {
                var id = task.GetProperty("TaskId").GetString()!;
                var input = (await Main.Mps.DetailAsync(id)).GetProperty("ScheduleTask").GetProperty("InputInfo");
                if (input.GetProperty("Type").GetString() == "AWS-S3"
                    && input.GetProperty("S3InputInfo").GetProperty("S3Bucket").GetString() == bucket
                    && input.GetProperty("S3InputInfo").GetProperty("S3Object").GetString() == key
                    && !found.Contains(id))
                {
                    found.Add(id);
                }
            }
        }

        return found;
    }

    private sealed class ConfiguredServer(IReadOnlyDictionary<string, string> environment) : MediaflowServer
    {
        protected override IReadOnlyDictionary<string, string> Environment => environment;
    }
}
