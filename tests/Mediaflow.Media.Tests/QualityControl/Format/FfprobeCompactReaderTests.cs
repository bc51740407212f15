using Mediaflow.Media.QualityControl.Format;

namespace Mediaflow.Media.Tests.QualityControl.Format;

/// <summary>ffprobe 5.1's compact layout: nested sections inline or on continuation lines, escaped separators.</summary>
public class FfprobeCompactReaderTests
{
    private static List<FfprobeRecord> Read(params string[] lines)
    {
        var reader = new FfprobeCompactReader();
        var records = lines.Select(reader.Feed).Where(r => r is not null).Select(r => r!).ToList();
        if (reader.Flush() is { } last)
        {
            records.Add(last);
        }

        return records;
    }

    [Fact]
    public void Feed_FrameWithLogsOnContinuationLines_OneRecordWithNestedLogs()
    {
        var records = Read(
            "frame|media_type=video|stream_index=0|key_frame=1|pts_time=1.400000|log|context=h264|level=16",
            "log|context=h264|level=16",
            "|side_data|side_data_type=H.26[45] User Data Unregistered SEI message",
            "",
            "frame|media_type=video|stream_index=0|key_frame=0|pts_time=1.440000|");
        Assert.Equal(2, records.Count);
        Assert.Equal("1.400000", records[0].Get("pts_time"));
        Assert.Equal(["log", "log", "side_data"], records[0].Nested.Select(n => n.Section));
        Assert.Equal("h264", records[0].Nested[1].Fields["context"]);
        Assert.Null(records[0].Get("context")); // nested fields stay in their section
        Assert.Empty(records[1].Nested);
    }

    [Fact]
    public void Feed_StreamWithDisplayMatrixAndTags_FieldsAndSideData()
    {
        var record = Assert.Single(Read("stream|index=0|codec_name=h264|codec_type=video|tag:rotate=90|side_data|side_data_type=Display Matrix|rotation=-90"));
        Assert.Equal("stream", record.Section);
        Assert.Equal("90", record.Get("tag:rotate"));
        Assert.Equal("-90", record.Nested.Single().Fields["rotation"]);
    }

    [Fact]
    public void Feed_EscapedSeparator_KeptInTheValue()
    {
        var record = Assert.Single(Read(@"frame|media_type=audio|log|context=mp3float|message=a\|b"));
        Assert.Equal("a|b", record.Nested.Single().Fields["message"]);
    }

    [Fact]
    public void Number_NotAvailable_Null()
    {
        var record = Assert.Single(Read("packet|codec_type=video|pts_time=1.400000|dts_time=N/A"));
        Assert.Equal(1.4, record.Number("pts_time"));
        Assert.Null(record.Number("dts_time"));
        Assert.Null(record.Number("missing"));
    }
}
