namespace Mediaflow.Server.Tests.Support;

/// <summary>Request bodies for schedules and ProcessMedia, as anonymous objects that serialize to the wire shape.</summary>
public static class Orchestrations
{
    public const string Region = "ap-guangzhou";

    /// <summary>input → one action-trans per definition (siblings) → output.</summary>
    public static object[] Transcodes(params long[] definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var output = definitions.Length + 1;
        var activities = new List<object> { new { ActivityType = "input", ReardriveIndex = Enumerable.Range(1, definitions.Length).ToArray() } };
        activities.AddRange(definitions.Select(d => (object)new
        {
            ActivityType = "action-trans",
            ReardriveIndex = new[] { output },
            ActivityPara = new { TranscodeTask = new { Definition = d } },
        }));
        activities.Add(new { ActivityType = "output" });
        return [.. activities];
    }

    /// <summary>A CreateSchedule body: uploads of mp4 under <paramref name="dir"/> of <paramref name="bucket"/>, outputs under /out&lt;dir&gt;.</summary>
    public static object Schedule(string name, string bucket, string dir, object[] activities) => new
    {
        ScheduleName = name,
        Trigger = new { Type = "CosFileUpload", CosFileUploadTrigger = new { Bucket = bucket, Region, Dir = dir, Formats = new[] { "mp4" } } },
        Activities = activities,
        OutputStorage = Output(bucket),
        OutputDir = "/out" + dir,
    };

    public static object Output(string bucket) => new { Type = "COS", CosOutputStorage = new { Bucket = bucket, Region } };

    public static object CosInput(string bucket, string key) => new { Type = "COS", CosInputInfo = new { Bucket = bucket, Region, Object = "/" + key } };
}
