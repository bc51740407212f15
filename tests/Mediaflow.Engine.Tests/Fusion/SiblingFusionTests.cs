using ProcessStartInfo = System.Diagnostics.ProcessStartInfo;
using Process = System.Diagnostics.Process;
using System.Globalization;
using System.Text.Json.Nodes;
using Mediaflow.Application.Tasks;
using Mediaflow.Domain.Orchestrations;
using Mediaflow.Engine.Tests.Support;
using static Mediaflow.Engine.Tests.Support.Dags;

namespace Mediaflow.Engine.Tests.Fusion;

/// <summary>
/// Sibling fusion (DESIGN §7.8) end to end on the engine: siblings on one input run as one ffmpeg spawn, counted by a
/// wrapper <c>Media:FfmpegPath</c> that logs each spawn and then execs the real ffmpeg; outputs equal those of a host
/// with fusion off; a sibling whose ffmpeg fails makes the shared run fail, the members re-run alone and only it FAILs.
/// </summary>
public sealed class SiblingFusionTests : IAsyncLifetime
{
    private const string FailMarker = "mf-fail-marker";
    private static readonly int[] Members = [1, 2, 3, 4, 5];
    private static readonly int[] ProgressNodes = [1, 2, 3];

    private TempDirectory Root { get; } = new("mf-fusion-");
    private readonly List<EngineHost> hosts = [];
    private string source = "";

    public async Task InitializeAsync() =>
        source = await TestMedia.VideoWithAudioAsync(Root.Directory("media"), "src.mp4", seconds: 3);

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        Root.Dispose();
    }

    [Fact]
    public async Task ProcessMedia_ThreeTranscodesSpriteAndSnapshots_OneFfmpegSpawnSameOutputsAsUnfused()
    {
        var (fused, fusedSpawns) = await RunAsync("fused", fusion: true, FiveSiblings());
        var (alone, aloneSpawns) = await RunAsync("alone", fusion: false, FiveSiblings());

        Assert.Single(fusedSpawns);
        Assert.Equal(5, aloneSpawns.Count);
        Assert.Contains("split=outputs=4", fusedSpawns[0], StringComparison.Ordinal); // 2 videos, sprite, snapshots; the m4a maps the audio
        foreach (var index in Members)
        {
            var node = TaskView.Node(fused.Detail, index);
            Assert.Equal(("SUCCESS", 100), (node.Status, node.Progress));
            var attempt = Assert.Single(node.Attempts);
            Assert.Equal("SUCCESS", attempt["Outcome"]!.GetValue<string>());
            Assert.Equal(Members.Where(i => i != index), attempt["MfFusedWith"]!.AsArray().Select(i => i!.GetValue<int>()));
            Assert.Equal(TaskView.Node(fused.Detail, 1).Attempts[0]["CommandLine"]!.GetValue<string>(), attempt["CommandLine"]!.GetValue<string>());
            Assert.Empty(Assert.Single(TaskView.Node(alone.Detail, index).Attempts)["MfFusedWith"]!.AsArray());
        }

        foreach (var index in new[] { 1, 2, 3 })
        {
            var key = TaskView.Node(fused.Detail, index).OutputKey;
            Assert.Equal(key, TaskView.Node(alone.Detail, index).OutputKey);
            var (a, b) = (await fused.Host.ObjectFileAsync(fused.AppId, fused.Bucket, key), await alone.Host.ObjectFileAsync(alone.AppId, alone.Bucket, key));
            Assert.Equal(await TestMedia.ProbeAsync(b), await TestMedia.ProbeAsync(a));
            Assert.Equal(await FramesAsync(b), await FramesAsync(a));
        }

        // Sprite: same thumbnail size and count; snapshots: the same frames (times) for every asked offset.
        var (fusedSprite, aloneSprite) = (TaskView.Node(fused.Detail, 4).Output!, TaskView.Node(alone.Detail, 4).Output!);
        Assert.Equal((aloneSprite["Width"]!.GetValue<long>(), aloneSprite["Height"]!.GetValue<long>()), (fusedSprite["Width"]!.GetValue<long>(), fusedSprite["Height"]!.GetValue<long>()));
        Assert.Equal(aloneSprite["ImagePathSet"]!.AsArray().Count, fusedSprite["ImagePathSet"]!.AsArray().Count);
        var times = (JsonObject node) => node["PicInfoSet"]!.AsArray().Select(p => p!["TimeOffset"]!.GetValue<double>()).ToList();
        var fusedTimes = times(TaskView.Node(fused.Detail, 5).Output!);
        Assert.Equal(times(TaskView.Node(alone.Detail, 5).Output!), fusedTimes);
        Assert.Equal([0.52, 1.2, 1.52], fusedTimes); // 25 fps: the first frame at or after 0.5 s, 1.2 s and 50 % (1.5 s)
    }

    [Fact]
    public async Task ProcessMedia_FiveSiblings_SourceProbedOnceOutputsCommitted()
    {
        // ffprobe logged like ffmpeg: a source probe carries the demuxer whitelist, an output probe does not.
        var directory = Root.Directory("probes");
        var probes = Path.Combine(directory, "ffprobe.log");
        var wrapper = Path.Combine(directory, "ffprobe-wrapper");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{probes}'\nexec '{await WhichAsync("ffprobe")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var (host, spawns) = await StartHostAsync("probes", fusion: true, new Dictionary<string, string?> { ["Media:FfprobePath"] = wrapper });
        var appId = 1_250_000_000L + Random.Shared.NextInt64(1, 700_000_000);
        var bucket = $"probes-{appId}";
        await host.CreateBucketAsync(appId, bucket);
        await host.UploadAsync(appId, bucket, "in/src.mp4", source);
        var taskId = await host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(bucket, "in/src.mp4"), Activities = [.. FiveSiblings()] });
        var detail = await host.WaitFinishedAsync(appId, taskId);

        Assert.Single(await SpawnsAsync(spawns));
        var lines = await SpawnsAsync(probes);
        // Before the probe cache: the task start and each of the five members' plans (six source probes).
        Assert.Single(lines, l => l.Contains("-format_whitelist", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(l => !l.Contains("-format_whitelist", StringComparison.Ordinal))); // the three transcode outputs
        foreach (var index in Members)
        {
            Assert.Equal("SUCCESS", TaskView.Node(detail, index).Status);
        }

        // Snapshots: every image committed (they go into the store side by side) and readable at its key.
        foreach (var pic in TaskView.Node(detail, 5).Output!["PicInfoSet"]!.AsArray())
        {
            var key = pic!["Path"]!.GetValue<string>().TrimStart('/');
            Assert.True(new FileInfo(await host.ObjectFileAsync(appId, bucket, key)).Length > 0);
        }
    }

    [Fact]
    public async Task ProcessMedia_SiblingFailsInSharedProcess_OthersRerunAloneOnlyItFails()
    {
        Activity[] activities =
        [
            Input(1, 2, 3),
            Transcode(Mp4(160), "{inputName}_ok.{format}", 4),
            Transcode(Mp4(128), "{inputName}_" + FailMarker + ".{format}", 4),
            Sprite(4),
            Output(),
        ];
        var (run, spawns) = await RunAsync("failing", fusion: true, activities);

        Assert.Equal(4, spawns.Count); // the shared process, then each member alone
        Assert.Contains("split=outputs=3", spawns[0], StringComparison.Ordinal);
        Assert.Equal(("SUCCESS", "FAIL", "SUCCESS"), (TaskView.Node(run.Detail, 1).Status, TaskView.Node(run.Detail, 2).Status, TaskView.Node(run.Detail, 3).Status));
        foreach (var index in new[] { 1, 3 })
        {
            var attempts = TaskView.Node(run.Detail, index).Attempts;
            Assert.Equal(["FAIL", "SUCCESS"], attempts.Select(a => a["Outcome"]!.GetValue<string>()));
            Assert.NotEmpty(attempts[0]["MfFusedWith"]!.AsArray());
            Assert.Empty(attempts[1]["MfFusedWith"]!.AsArray());
        }

        Assert.Equal((160, 90), await SizeAsync(run, TaskView.Node(run.Detail, 1).OutputKey));
    }

    [Fact]
    public async Task Notify_ChangeModeFusedNodes_EachReportsItsOwnProgressInTenPercentSteps()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        Activity[] activities =
        [
            Input(1, 2, 3),
            Transcode(Slow(), "{inputName}_slow.{format}", 4),
            Transcode(Mp4(160), "{inputName}_160.{format}", 4),
            Sprite(4),
            Output(),
        ];
        var (run, spawns) = await RunAsync("progress", fusion: true, activities,
            new TaskNotifyConfig { NotifyType = TaskNotifyConfig.TypeUrl, NotifyUrl = receiver.Url.ToString(), NotifyMode = TaskNotifyConfig.ModeChange });
        await run.Host.WaitForNotificationsDeliveredAsync(run.TaskId);

        Assert.True(spawns.Count == 1, $"{spawns.Count} ffmpeg spawns; task detail: {run.Detail}");
        var events = receiver.ForTask(run.TaskId);
        foreach (var index in ProgressNodes)
        {
            var progress = events.Select(e => (Status: e.Node(index)["Status"]!.GetValue<string>(), Progress: e.Node(index)["Progress"]!.GetValue<int>())).ToList();
            Assert.All(progress, p => Assert.Equal(0, p.Progress % 10));
            Assert.Contains(progress, p => p is { Status: "PROCESSING", Progress: > 0 and < 100 });
            Assert.Equal(("SUCCESS", 100), progress[^1]);
            var ranks = progress.Select(p => p.Status switch { "WAITING" => 0, "PROCESSING" => 1, _ => 2 } * 1000 + p.Progress).ToList();
            Assert.Equal(ranks.Order(), ranks); // never backwards, node by node
        }
    }

    [Fact]
    public async Task Restart_FusedGroupRunningAtShutdown_EveryMemberCompletesOnceFusedAgain()
    {
        // No grace: the shared process still running when the stop begins is interrupted at once.
        var noGrace = new Dictionary<string, string?> { ["Server:ShutdownGraceSeconds"] = "0" };
        var (first, log) = await StartHostAsync("restart", fusion: true, noGrace);
        var appId = 1_250_000_000L + Random.Shared.NextInt64(1, 700_000_000);
        var bucket = $"restart-{appId}";
        await first.CreateBucketAsync(appId, bucket);
        await first.UploadAsync(appId, bucket, "src.mp4", source);
        var taskId = await first.ProcessMediaAsync(appId, new ProcessMediaRequest
        {
            InputInfo = CosInput(bucket, "src.mp4"),
            Activities = [Input(1, 2, 3), Transcode(Slow(), "{inputName}_slow.{format}", 4), Transcode(Mp4(160), "{inputName}_160.{format}", 4), Sprite(4), Output()],
        });
        await first.WaitForTaskAsync(appId, taskId, _ => first.RunningMediaProcesses.Count > 0 && File.Exists(log), "the shared ffmpeg running");
        await first.StopAsync();

        var interrupted = await first.DetailAsync(appId, taskId);
        Assert.All(ProgressNodes, i => Assert.Equal("WAITING", TaskView.Node(interrupted, i).Status));
        Assert.Equal(["src.mp4"], (await first.ObjectCommitsAsync(bucket)).Keys);
        hosts.Remove(first);
        await first.DisposeAsync();

        var (second, _) = await StartHostAsync("restart", fusion: true, noGrace);
        var detail = await second.WaitFinishedAsync(appId, taskId);

        foreach (var index in ProgressNodes)
        {
            var node = TaskView.Node(detail, index);
            Assert.Equal("SUCCESS", node.Status);
            Assert.Equal(["INTERRUPTED", "SUCCESS"], node.Attempts.Select(a => a["Outcome"]!.GetValue<string>()));
            Assert.Equal(2, node.Attempts[1]["MfFusedWith"]!.AsArray().Count); // the next host fused the group again
        }

        var commits = await second.ObjectCommitsAsync(bucket);
        Assert.Equal(4, commits.Count(c => c.Key.StartsWith("src_", StringComparison.Ordinal))); // 2 videos, sheet, VTT
        Assert.All(commits.Values, count => Assert.Equal(1, count));
        Assert.Equal(2, (await SpawnsAsync(log)).Count(l => l.Contains("split=outputs=3", StringComparison.Ordinal)));
    }

    private sealed record Finished(EngineHost Host, long AppId, string Bucket, string TaskId, JsonObject Detail);

    private static Activity[] FiveSiblings() =>
    [
        Input(1, 2, 3, 4, 5),
        Transcode(Mp4(240), "{inputName}_240.{format}", 6),
        Transcode(Mp4(160), "{inputName}_160.{format}", 6),
        Transcode(M4a(), "{inputName}_audio.{format}", 6),
        Sprite(6),
        new()
        {
            ActivityType = ActivityTypes.SnapshotByTimeOffset,
            ReardriveIndex = [6],
            ActivityPara = new ActivityPara { SnapshotByTimeOffsetTask = new SnapshotByTimeOffsetTaskInput { Definition = 10, ExtTimeOffsetSet = ["0.5s", "1.2s", "50%"] } },
        },
        Output(),
    ];

    private static Activity Sprite(params long[] next) => new()
    {
        ActivityType = ActivityTypes.ImageSprite,
        ReardriveIndex = next,
        ActivityPara = new ActivityPara { ImageSpriteTask = new ImageSpriteTaskInput { Definition = 10 } },
    };

    /// <summary>Runs the DAG on a fresh host whose ffmpeg is a spawn-logging wrapper; returns the finished task and every ffmpeg command.</summary>
    private async Task<(Finished Run, IReadOnlyList<string> Spawns)> RunAsync(string name, bool fusion, IReadOnlyList<Activity> activities, TaskNotifyConfig? notify = null)
    {
        var (host, log) = await StartHostAsync(name, fusion);
        var appId = 1_250_000_000L + Random.Shared.NextInt64(1, 700_000_000);
        var bucket = $"fusion-{appId}";
        await host.CreateBucketAsync(appId, bucket);
        await host.UploadAsync(appId, bucket, "in/src.mp4", source);
        var taskId = await host.ProcessMediaAsync(appId, new ProcessMediaRequest { InputInfo = CosInput(bucket, "in/src.mp4"), Activities = [.. activities], TaskNotifyConfig = notify });
        var detail = await host.WaitFinishedAsync(appId, taskId);
        return (new Finished(host, appId, bucket, taskId, detail), await SpawnsAsync(log));
    }

    /// <summary>A host on the data directory <paramref name="name"/> (reused by a second call: a restart) with the spawn-logging ffmpeg.</summary>
    private async Task<(EngineHost Host, string SpawnLog)> StartHostAsync(string name, bool fusion, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var directory = Root.Directory(name);
        var log = Path.Combine(directory, "spawns.log");
        var wrapper = Path.Combine(directory, "ffmpeg-wrapper");
        var ffmpeg = await WhichAsync("ffmpeg");
        await File.WriteAllTextAsync(wrapper,
            $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{log}'\ncase \"$*\" in *{FailMarker}*) echo \"Unknown encoder '{FailMarker}'\" >&2; exit 1;; esac\nexec '{ffmpeg}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Media:FfmpegPath"] = wrapper,
            ["Engine:SiblingFusion"] = fusion ? "true" : "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var host = await EngineHost.StartAsync(Root.Directory(name + "-data"), configuration);
        hosts.Add(host);
        return (host, log);
    }

    private static async Task<IReadOnlyList<string>> SpawnsAsync(string log) => File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];

    private static async Task<(int Width, int Height)> SizeAsync(Finished run, string key)
    {
        var probed = await TestMedia.ProbeAsync(await run.Host.ObjectFileAsync(run.AppId, run.Bucket, key));
        return (probed.Width, probed.Height);
    }

    /// <summary>Decoded video frames (ffprobe <c>-count_frames</c>); 0 for a file without video.</summary>
    private static async Task<int> FramesAsync(string path)
    {
        var output = await OutputOfAsync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path]);
        return output.Trim().Length == 0 ? 0 : int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> WhichAsync(string program) =>
        (await OutputOfAsync("/bin/sh", ["-c", $"command -v {program}"])).Trim();

    private static async Task<string> OutputOfAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
