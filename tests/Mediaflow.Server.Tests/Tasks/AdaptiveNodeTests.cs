using System.Text.Json;
using Amazon.S3.Model;
using Mediaflow.Server.Tests.Support;

namespace Mediaflow.Server.Tests.Tasks;

/// <summary>
/// The adaptive-streaming node end to end (reference/mps-api.md §8, §10, §12): a custom template, ProcessMedia →
/// manifest, sub-streams and segments in the bucket under their §8 names → DescribeTaskDetail; schedules validate it.
/// </summary>
public sealed class AdaptiveNodeTests(MediaflowServer server) : IClassFixture<MediaflowServer>, IAsyncLifetime
{
    private const string Key = "in/clip.mp4";
    private string bucket = "";

    private MpsClient Mps => server.Mps;

    public async Task InitializeAsync()
    {
        bucket = await Buckets.CreateAsync(server, "adaptive");
        var clip = await TestMedia.VideoAsync(Path.Combine(server.WorkDirectory, bucket + ".mp4"), seconds: 2);
        await Buckets.PutFileAsync(server, bucket, Key, clip);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static object[] Dag(object para) =>
    [
        new { ActivityType = "input", ReardriveIndex = new[] { 1 } },
        new { ActivityType = "action-adaptive-substream", ReardriveIndex = new[] { 2 }, ActivityPara = para },
        new { ActivityType = "output" },
    ];

    private async Task<long> CreateTemplateAsync(string format, string segmentType) =>
        (await Mps.OkAsync("CreateAdaptiveDynamicStreamingTemplate", new
        {
            Name = "tiny-" + format,
            Format = format,
            SegmentType = segmentType,
            StreamInfos = new[] { (Width: 320L, Kbps: 300L), (Width: 160L, Kbps: 150L) }.Select(r => new
            {
                Video = new { Codec = "h264", Fps = 25, Bitrate = r.Kbps, Width = r.Width, Height = 0, ResolutionAdaptive = "open", HlsTime = 1 },
                Audio = new { Codec = "aac", Bitrate = 64, SampleRate = 44100, AudioChannel = 2 },
            }).ToArray(),
        })).GetProperty("Definition").GetInt64();

    private static JsonElement Result(JsonElement detail)
    {
        var result = detail.GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray().Single();
        Assert.Equal("AdaptiveDynamicStreaming", result.GetProperty("ActivityType").GetString());
        var task = result.GetProperty("ActivityResItem").GetProperty("AdaptiveDynamicStreamingTask");
        Assert.True(task.GetProperty("Status").GetString() == "SUCCESS", task.ToString());
        Assert.Equal(100, task.GetProperty("Progress").GetInt32());
        return task.GetProperty("Output");
    }

    [Fact]
    public async Task ProcessMedia_Hls_MasterSubStreamsAndSegmentsInTheBucketUnderSection8Names()
    {
        var definition = await CreateTemplateAsync("HLS", "ts-segment");

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/hls/",
            Activities = Dag(new { AdaptiveDynamicStreamingTask = new { Definition = definition } }),
        });

        var output = Result(await Mps.WaitForFinishAsync(taskId));
        var stem = $"hls/clip_adaptiveDynamicStreaming_{definition}";
        Assert.Equal(definition, output.GetProperty("Definition").GetInt64());
        Assert.Equal("HLS", output.GetProperty("Package").GetString());
        Assert.Equal($"/{stem}.m3u8", output.GetProperty("Path").GetString());
        Assert.Equal("COS", output.GetProperty("Storage").GetProperty("Type").GetString());
        var subStreams = output.GetProperty("MfSubStreamSet").EnumerateArray().ToList();
        Assert.Equal([$"/{stem}_0.m3u8", $"/{stem}_1.m3u8"], subStreams.Select(s => s.GetProperty("Path").GetString()));
        Assert.Equal([(320L, 240L), (160L, 120L)], subStreams.Select(s => (s.GetProperty("Width").GetInt64(), s.GetProperty("Height").GetInt64())));

        var keys = await ListAsync("hls/");
        Assert.Contains($"{stem}.m3u8", keys);
        Assert.Contains($"{stem}_0.m3u8", keys);
        Assert.Contains($"{stem}_1_0.ts", keys);
        Assert.Contains($"{stem}_1_1.ts", keys);
        Assert.All(keys, k => Assert.Matches($"^{stem}(_[01](_[0-9]+\\.ts|\\.m3u8)|\\.m3u8)$", k));

        var master = await ReadObjectAsync($"{stem}.m3u8");
        Assert.Contains($"RESOLUTION=320x240\nclip_adaptiveDynamicStreaming_{definition}_0.m3u8\n", master, StringComparison.Ordinal);
        var playlist = await ReadObjectAsync($"{stem}_1.m3u8");
        Assert.Contains($"\nclip_adaptiveDynamicStreaming_{definition}_1_0.ts\n", playlist, StringComparison.Ordinal);

        // Every file fetched back from the bucket: ffprobe decodes the ladder from the master playlist.
        var local = Directory.CreateDirectory(Path.Combine(server.WorkDirectory, bucket + "-hls")).FullName;
        foreach (var key in keys)
        {
            await File.WriteAllBytesAsync(Path.Combine(local, key[4..]), await ReadBytesAsync(key));
        }

        var probe = await TestMedia.ProbeAsync(Path.Combine(local, $"clip_adaptiveDynamicStreaming_{definition}.m3u8"));
        var sizes = probe.GetProperty("streams").EnumerateArray().Where(s => s.GetProperty("codec_type").GetString() == "video")
            .Select(s => (s.GetProperty("width").GetInt32(), s.GetProperty("height").GetInt32())).Distinct().ToList();
        Assert.Equal([(320, 240), (160, 120)], sizes);
    }

    [Fact]
    public async Task ProcessMedia_DashWithCustomNames_ManifestAndRepresentationsInTheBucket()
    {
        var definition = await CreateTemplateAsync("MPEG-DASH", "mp4-segment");

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            Activities = Dag(new
            {
                AdaptiveDynamicStreamingTask = new
                {
                    Definition = definition,
                    OutputObjectPath = "/dash/{inputName}/manifest.{format}",
                    SubStreamObjectName = "init_{subStreamNumber}.{format}",
                    SegmentObjectName = "seg_{subStreamNumber}_{segmentNumber}.{format}",
                },
            }),
        });

        var output = Result(await Mps.WaitForFinishAsync(taskId));
        Assert.Equal("MPEG-DASH", output.GetProperty("Package").GetString());
        Assert.Equal("/dash/clip/manifest.mpd", output.GetProperty("Path").GetString());

        var keys = await ListAsync("dash/clip/");
        Assert.Equal(["dash/clip/init_0.mp4", "dash/clip/init_1.mp4", "dash/clip/init_2.mp4", "dash/clip/manifest.mpd"], keys.Where(k => !k.EndsWith(".m4s", StringComparison.Ordinal)));
        Assert.Contains("dash/clip/seg_1_1.m4s", keys);
        Assert.All(keys.Where(k => k.EndsWith(".m4s", StringComparison.Ordinal)), k => Assert.Matches("^dash/clip/seg_[012]_[0-9]+\\.m4s$", k));
        var mpd = await ReadObjectAsync("dash/clip/manifest.mpd");
        Assert.Contains("media=\"seg_$RepresentationID$_$Number$.m4s\"", mpd, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(mpd, "<Representation "));
    }

    [Fact]
    public async Task ProcessMedia_SimpleAes_PlaylistsNameTheKeyUriAndSegmentsAreEncrypted()
    {
        var definition = await CreateTemplateAsync("HLS", "ts-segment");

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/aes/",
            Activities = Dag(new
            {
                AdaptiveDynamicStreamingTask = new
                {
                    Definition = definition,
                    DrmInfo = new { Type = "simpleaes", SimpleAesDrm = new { Uri = "https://keys.example/k1", Key = "000102030405060708090a0b0c0d0e0f" } },
                },
            }),
        });

        Result(await Mps.WaitForFinishAsync(taskId));
        var stem = $"aes/clip_adaptiveDynamicStreaming_{definition}";
        Assert.Contains("#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.example/k1\"", await ReadObjectAsync($"{stem}_0.m3u8"), StringComparison.Ordinal);
        // A clear MPEG-TS segment has the 0x47 sync byte every 188 bytes; an encrypted one does not.
        var segment = await ReadBytesAsync($"{stem}_0_0.ts");
        Assert.False(segment[0] == 0x47 && segment[188] == 0x47 && segment[376] == 0x47, "segment is not encrypted");
        Assert.DoesNotContain(await ListAsync("aes/"), k => k.Contains("key", StringComparison.OrdinalIgnoreCase) || k.Contains(".mf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessMedia_HlsWithAddOnSubtitles_SubtitleRenditionInTheBucket()
    {
        var definition = await CreateTemplateAsync("HLS", "ts-segment");
        var srt = Path.Combine(server.WorkDirectory, bucket + "-en.srt");
        await File.WriteAllTextAsync(srt, "1\n00:00:00,200 --> 00:00:00,800\nhello\n\n2\n00:00:00,900 --> 00:00:01,400\nacross & over\n");
        await Buckets.PutFileAsync(server, bucket, "tracks/en.srt", srt);
        object Subtitle(string key) => new { Type = "subtitle-stream", Subtitle = Orchestrations.CosInput(bucket, key), SubtitleName = "English", SubtitleLanguage = "en", DefaultTrack = true };

        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/subs/",
            Activities = Dag(new { AdaptiveDynamicStreamingTask = new { Definition = definition, AddOnSubtitles = new[] { Subtitle("tracks/en.srt") } } }),
        });

        Result(await Mps.WaitForFinishAsync(taskId));
        var stem = $"subs/clip_adaptiveDynamicStreaming_{definition}";
        var master = await ReadObjectAsync($"{stem}.m3u8");
        // The template has two sub-streams, so the subtitle rendition is sub-stream 2.
        Assert.Contains($"#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,URI=\"clip_adaptiveDynamicStreaming_{definition}_2.m3u8\"", master, StringComparison.Ordinal);
        Assert.Equal(2, master.Split('\n').Count(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal) && l.EndsWith(",SUBTITLES=\"subs\"", StringComparison.Ordinal)));
        var playlist = await ReadObjectAsync($"{stem}_2.m3u8");
        Assert.Equal(
            [$"clip_adaptiveDynamicStreaming_{definition}_2_0.vtt", $"clip_adaptiveDynamicStreaming_{definition}_2_1.vtt"],
            playlist.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));
        // 1 s segments: the second cue crosses the cut and is in both.
        var first = await ReadObjectAsync($"{stem}_2_0.vtt");
        var second = await ReadObjectAsync($"{stem}_2_1.vtt");
        Assert.StartsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:", first, StringComparison.Ordinal);
        Assert.Contains("00:00:00.200 --> 00:00:00.800\nhello\n", first, StringComparison.Ordinal);
        Assert.Contains("00:00:00.900 --> 00:00:01.400\nacross &amp; over\n", first, StringComparison.Ordinal);
        Assert.Contains("00:00:00.900 --> 00:00:01.400\nacross &amp; over\n", second, StringComparison.Ordinal);
        Assert.DoesNotContain("hello", second, StringComparison.Ordinal);

        // A subtitle object that is not in the bucket fails the node.
        var missing = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = "/subs-missing/",
            Activities = Dag(new { AdaptiveDynamicStreamingTask = new { Definition = definition, AddOnSubtitles = new[] { Subtitle("tracks/none.srt") } } }),
        });
        var failed = (await Mps.WaitForFinishAsync(missing)).GetProperty("ScheduleTask").GetProperty("ActivityResultSet").EnumerateArray().Single()
            .GetProperty("ActivityResItem").GetProperty("AdaptiveDynamicStreamingTask");
        Assert.Equal("FAIL", failed.GetProperty("Status").GetString());
        Assert.Equal("SourceFileError.DownloadNotAccessible", failed.GetProperty("ErrCodeExt").GetString());
    }

    [Fact]
    public async Task CreateSchedule_AdaptiveNode_AcceptedAndItsFieldsValidated()
    {
        var definition = await CreateTemplateAsync("HLS", "mp4-segment");
        var good = Dag(new { AdaptiveDynamicStreamingTask = new { Definition = definition } });
        var scheduleId = await Mps.CreateScheduleAsync(Orchestrations.Schedule("adaptive-" + bucket, bucket, "/in/", good));
        (await Mps.CallAsync("DeleteAdaptiveDynamicStreamingTemplate", new { Definition = definition })).AssertError("ResourceInUse");

        var bad = Dag(new { AdaptiveDynamicStreamingTask = new { Definition = 10, SubStreamObjectName = "sub/{subStreamNumber}.{format}" } });
        (await Mps.CallAsync("ModifySchedule", new { ScheduleId = scheduleId, Activities = bad })).AssertError("InvalidParameterValue.SubStreamObjectName");
        // WatermarkSet is accepted (≤ 10, the transcode node's rules): eleven are refused.
        var watermark = Dag(new { AdaptiveDynamicStreamingTask = new { Definition = 10, WatermarkSet = Enumerable.Range(0, 11).Select(_ => new { Definition = 1 }).ToArray() } });
        (await Mps.CallAsync("CreateSchedule", Orchestrations.Schedule("adaptive-wm-" + bucket, bucket, "/in/", watermark))).AssertError("InvalidParameterValue.WatermarkSet");
        await Mps.OkAsync("DeleteSchedule", new { ScheduleId = scheduleId });
        await Mps.OkAsync("DeleteAdaptiveDynamicStreamingTemplate", new { Definition = definition });
    }

    [Fact]
    public async Task ProcessMedia_HlsWithWatermarkSet_EachRungCarriesTheMarkSizedToItsFrame()
    {
        var png = await MagentaPngAsync("-magenta.png");
        var mark = (await Mps.OkAsync("CreateWatermarkTemplate", new
        {
            Type = "image", Name = "rung-mark", CoordinateOrigin = "BottomRight", XPos = "5%", YPos = "5%",
            ImageTemplate = new { ImageContent = Convert.ToBase64String(await File.ReadAllBytesAsync(png)), Width = "10%" },
        })).GetProperty("Definition").GetInt64();

        await AssertRungsMarkedAsync(new { Definition = mark }, mark, "wm");
    }

    [Fact]
    public async Task ProcessMedia_HlsWithInlineWatermark_EachRungCarriesTheMarkSizedToItsFrame()
    {
        await Buckets.PutFileAsync(server, bucket, "marks/magenta.png", await MagentaPngAsync("-inline.png"));
        var inline = new
        {
            Definition = 0,
            RawParameter = new
            {
                Type = "image", CoordinateOrigin = "BottomRight", XPos = "5%", YPos = "5%",
                ImageTemplate = new { ImageContent = Orchestrations.CosInput(bucket, "marks/magenta.png"), Width = "10%" },
            },
        };

        await AssertRungsMarkedAsync(inline, 0, "inline");
    }

    private async Task<string> MagentaPngAsync(string suffix)
    {
        var png = Path.Combine(server.WorkDirectory, bucket + suffix);
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=0xFF00FF:size=32x16", "-frames:v", "1", png);
        return png;
    }

    /// <summary>An HLS ladder with the one <paramref name="watermark"/>: every rung carries it at its own 5 %/10 % rectangle.</summary>
    private async Task AssertRungsMarkedAsync(object watermark, long expectedDefinition, string dir)
    {
        var definition = await CreateTemplateAsync("HLS", "ts-segment");
        var taskId = await Mps.ProcessMediaAsync(new
        {
            InputInfo = Orchestrations.CosInput(bucket, Key),
            OutputStorage = Orchestrations.Output(bucket),
            OutputDir = $"/{dir}/",
            Activities = Dag(new { AdaptiveDynamicStreamingTask = new { Definition = definition, WatermarkSet = new[] { watermark } } }),
        });

        var output = Result(await Mps.WaitForFinishAsync(taskId));
        Assert.Equal([expectedDefinition], output.GetProperty("WatermarkDefinition").EnumerateArray().Select(d => d.GetInt64()));
        var local = Directory.CreateDirectory(Path.Combine(server.WorkDirectory, $"{bucket}-{dir}")).FullName;
        foreach (var key in await ListAsync($"{dir}/"))
        {
            await File.WriteAllBytesAsync(Path.Combine(local, Path.GetFileName(key)), await ReadBytesAsync(key));
        }

        // % of each rung's frame: 320×240 → a 32×16 mark at x 272..303, y 212..227; 160×120 → 16×8 at x 136..151, y 106..113
        // (inner rectangles, 2 px in from the edges, must be magenta).
        var stem = Path.Combine(local, $"clip_adaptiveDynamicStreaming_{definition}");
        Assert.True(await MagentaShareAsync(stem + "_0.m3u8", 320, 240, (274, 214, 301, 225)) > 0.9, "rung 0 has no mark at its rectangle");
        Assert.True(await MagentaShareAsync(stem + "_1.m3u8", 160, 120, (138, 108, 149, 111)) > 0.9, "rung 1 has no mark at its rectangle");
        await Mps.OkAsync("DeleteAdaptiveDynamicStreamingTemplate", new { Definition = definition });
    }

    /// <summary>Share of the rectangle (inclusive) that is magenta in the first frame of the playlist.</summary>
    private static async Task<double> MagentaShareAsync(string playlist, int width, int height, (int X0, int Y0, int X1, int Y1) rect)
    {
        var raw = playlist + ".rgb";
        await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", playlist, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", raw);
        var rgb = await File.ReadAllBytesAsync(raw);
        Assert.Equal(width * height * 3, rgb.Length);
        var (magenta, total) = (0, 0);
        for (var y = rect.Y0; y <= rect.Y1; y++)
        {
            for (var x = rect.X0; x <= rect.X1; x++)
            {
                var i = ((y * width) + x) * 3;
                total++;
                magenta += rgb[i] > 180 && rgb[i + 1] < 80 && rgb[i + 2] > 180 ? 1 : 0;
            }
        }

        return magenta / (double)total;
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await stderr}");
    }

    private async Task<List<string>> ListAsync(string prefix)
    {
        using var s3 = server.S3For(server.Account);
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
        return [.. listed.S3Objects.Select(o => o.Key).Order(StringComparer.Ordinal)];
    }

    private async Task<byte[]> ReadBytesAsync(string key)
    {
        using var s3 = server.S3For(server.Account);
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private async Task<string> ReadObjectAsync(string key) => System.Text.Encoding.UTF8.GetString(await ReadBytesAsync(key));
}
