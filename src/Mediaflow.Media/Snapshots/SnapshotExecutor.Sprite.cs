using Mediaflow.Domain.Templates;
using Mediaflow.Media.Fusion;
using Mediaflow.Media.Jobs;

namespace Mediaflow.Media.Snapshots;

public sealed partial class SnapshotExecutor
{
    /// <summary>
    /// Sprite sheets in one decode: sampled frames as in <see cref="SampleAsync"/>, each scaled to the thumbnail size,
    /// laid out ColumnCount × RowCount per sheet row by row (the last sheet's empty cells stay black).
    /// </summary>
    public Task<SpriteRun> SpriteAsync(SnapshotSource source, ImageSpriteTemplate template, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken) =>
        RunPlanAsync(PlanSprite(source, template, workDirectory), progress, cancellationToken);

    /// <summary><see cref="SpriteAsync"/> as a plan that has not run (for sibling fusion).</summary>
    public MediaPlan<SpriteRun> PlanSprite(SnapshotSource source, ImageSpriteTemplate template, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(template);
        var (job, pattern, thumb) = PlanSampled(source, template, template, template.Format,
            new TileFilter(template.ColumnCount, template.RowCount), "sprite", workDirectory);
        return new MediaPlan<SpriteRun>(job, source.Duration, (member, _) => Task.FromResult(FinishSprite(source, template, pattern, thumb, member)));
    }

    private static SpriteRun FinishSprite(SnapshotSource source, ImageSpriteTemplate template, string pattern, Transcoding.OutputGeometry thumb, MemberRun member)
    {
        var run = member.Run;
        var thumbs = Sampled(member);
        var perSheet = template.RowCount * template.ColumnCount;
        var sheetCount = (int)((thumbs.Count + perSheet - 1) / perSheet);
        var sheets = Enumerable.Range(0, sheetCount)
            .Select(i => pattern.Replace("%06d", i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .ToList();
        foreach (var sheet in sheets)
        {
            RequireFile(sheet, run, "sprite sheet");
        }

        if (sheets.Count == 0)
        {
            throw MediaFailure.Internal("ffmpeg exited 0 but sampled no thumbnail", run.CommandLine, run.LogTail);
        }

        return new SpriteRun
        {
            Sheets = sheets,
            Thumbnails = [.. thumbs.Select((frame, k) => Place(k, frame.PtsTime, template, thumb.Width, thumb.Height))],
            Width = thumb.Width,
            Height = thumb.Height,
            PerSheet = perSheet,
            Duration = source.Duration,
            CommandLine = run.CommandLine,
            LogTail = run.LogTail,
        };
    }

    /// <summary>Where the k-th thumbnail lands: tile fills each sheet row by row, left to right.</summary>
    public static SpriteThumbnail Place(int index, double time, ImageSpriteTemplate template, long width, long height)
    {
        ArgumentNullException.ThrowIfNull(template);
        var perSheet = (int)(template.RowCount * template.ColumnCount);
        var cell = index % perSheet;
        return new SpriteThumbnail(Math.Round(time, 3), index / perSheet, cell % template.ColumnCount * width, cell / template.ColumnCount * height, width, height);
    }
}
