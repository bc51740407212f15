using System.Text.Json;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Ai;

/// <summary>Person samples and face recognition through the real server (docs/media-ai.md; DESIGN §7.8's two people).</summary>
public sealed class PersonSampleTests(MediaflowServer server) : IClassFixture<MediaflowServer>
{
    private const string Messi = "/usr/share/doc/opencv-doc/examples/data/messi5.jpg";
    private const string Astronaut = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png";
    private static readonly int[] ToNode1 = [1];
    private static readonly int[] ToNode2 = [2];
    private static readonly string[] Recognition = ["Recognition"];
    private static readonly string[] Space = ["space"];
    private static readonly string[] Nasa = ["nasa"];
    private static readonly string[] Everything = ["Everything"];

    private MpsClient Mps => server.Mps;

    private static async Task<string> Base64Async(string path) => Convert.ToBase64String(await File.ReadAllBytesAsync(path));

    [Fact]
    public async Task PersonSample_CreateModifyDescribeDelete_FacesCheckedOnArrival()
    {
        var created = await Mps.OkAsync("CreatePersonSample", new
        {
            Name = "Astronaut", Usages = Recognition, Tags = Space,
            FaceContents = new[] { await Base64Async(Astronaut), Convert.ToBase64String("no face here"u8.ToArray()) },
        });
        var person = created.GetProperty("Person");
        var personId = person.GetProperty("PersonId").GetString()!;
        Assert.Equal(1, person.GetProperty("FaceInfoSet").GetArrayLength());
        Assert.StartsWith("data:image/png;base64,", person.GetProperty("FaceInfoSet")[0].GetProperty("Url").GetString(), StringComparison.Ordinal);
        var failed = Assert.Single(created.GetProperty("FailFaceInfoSet").EnumerateArray());
        Assert.Equal(1, failed.GetProperty("Index").GetInt32());

        await Mps.OkAsync("ModifyPersonSample", new
        {
            PersonId = personId, Name = "Eileen", TagOperationInfo = new { Type = "add", Tags = Nasa },
            FaceOperationInfo = new { Type = "add", FaceContents = new[] { await Base64Async(Astronaut) } },
        });
        var listed = Assert.Single((await Mps.OkAsync("DescribePersonSamples", new { Tags = Nasa })).GetProperty("PersonSet").EnumerateArray(),
            p => p.GetProperty("PersonId").GetString() == personId);
        Assert.Equal(("Eileen", 2, 2), (listed.GetProperty("Name").GetString(), listed.GetProperty("FaceInfoSet").GetArrayLength(), listed.GetProperty("TagSet").GetArrayLength()));
        Assert.Equal(0, (await Mps.OkAsync("DescribePersonSamples", new { Type = "Default" })).GetProperty("TotalCount").GetInt32());

        await Mps.OkAsync("DeletePersonSample", new { PersonId = personId });
        (await Mps.CallAsync("DeletePersonSample", new { PersonId = personId })).AssertError("ResourceNotFound.PersonNotExist");
        (await Mps.CallAsync("CreatePersonSample", new { Name = "x", Usages = Everything })).AssertError("InvalidParameterValue.Usages");
        (await Mps.CallAsync("CreatePersonSample", new { Name = new string('n', 21), Usages = Recognition })).AssertError("InvalidParameterValue.Name");
    }

    [Fact]
    public async Task ProcessMedia_FaceRecognition_NamesTheRegisteredPersonOnlyWhereShown()
    {
        var bucket = await Buckets.CreateAsync(server, "faces");
        var clip = Path.Combine(server.WorkDirectory, bucket + ".mp4");
        await TestMedia.FfmpegAsync(
        [
            "-hide_banner", "-loglevel", "error", "-y", "-loop", "1", "-t", "2", "-i", Astronaut, "-loop", "1", "-t", "2", "-i", Messi,
            "-filter_complex",
            "[0:v]scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:0,setsar=1,fps=25,format=yuv420p[a];"
            + "[1:v]crop=400:300:100:0,scale=480:360,pad=640:360:120:0,eq=brightness=0.12,setsar=1,fps=25,format=yuv420p[m];[a][m]concat=n=2:v=1[v]",
            "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip,
        ]);
        await Buckets.PutFileAsync(server, bucket, "in/two.mp4", clip);
        var personId = (await Mps.OkAsync("CreatePersonSample", new { Name = "Messi", Usages = Recognition, FaceContents = new[] { await Base64Async(Messi) } }))
            .GetProperty("Person").GetProperty("PersonId").GetString();
        var template = (await Mps.OkAsync("CreateAIRecognitionTemplate", new { Name = "faces", FaceConfigure = new { Switch = "ON", Score = 90 } })).GetProperty("Definition").GetInt64();

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, "in/two.mp4"),
            OutputStorage = Orchestrations.Output(bucket),
            Activities = new object[]
            {
                new { ActivityType = "input", ReardriveIndex = ToNode1 },
                new { ActivityType = "action-AIRecognition", ReardriveIndex = ToNode2, ActivityPara = new { AiRecognitionTask = new { Definition = template } } },
                new { ActivityType = "output" },
            },
        });

        var detail = await Mps.WaitForFinishAsync(taskId);
        var task = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet")[0].GetProperty("ActivityResItem").GetProperty("RecognitionTask");
        Assert.True(task.GetProperty("Status").GetString() == "SUCCESS", task.ToString());
        var face = Assert.Single(task.GetProperty("Output").EnumerateArray());
        Assert.Equal("FaceRecognition", face.GetProperty("Type").GetString());
        var person = Assert.Single(face.GetProperty("FaceTask").GetProperty("Output").GetProperty("ResultSet").EnumerateArray());
        Assert.Equal((personId, "Messi", "UserDefine"), (person.GetProperty("Id").GetString(), person.GetProperty("Name").GetString(), person.GetProperty("Type").GetString()));
        var segment = Assert.Single(person.GetProperty("SegmentSet").EnumerateArray());
        Assert.InRange(segment.GetProperty("StartTimeOffset").GetDouble(), 1.5, 2.5);
        Assert.InRange(segment.GetProperty("Confidence").GetDouble(), 90, 100);
        Assert.Equal(JsonValueKind.Array, segment.GetProperty("AreaCoordSet").ValueKind);
    }
}
