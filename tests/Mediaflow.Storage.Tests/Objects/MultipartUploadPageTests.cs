using Mediaflow.Storage.Objects;

namespace Mediaflow.Storage.Tests.Objects;

public sealed class MultipartUploadPageTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private static readonly MultipartUploadInfo[] Ordered =
    [
        new("u1", "b", "a", At), new("u2", "b", "a", At.AddSeconds(1)), new("u3", "b", "p/1", At), new("u4", "b", "p/2", At), new("u5", "b", "z", At),
    ];

    [Fact]
    public void Of_KeyAndUploadIdMarker_LaterUploadsOfThatKeyThenGreaterKeys()
    {
        var page = MultipartUploadPage.Of(Ordered, "", null, "a", "u1", 10);

        Assert.Equal(["u2", "u3", "u4", "u5"], page.Uploads.Select(u => u.UploadId));
        Assert.False(page.IsTruncated);
    }

    [Fact]
    public void Of_KeyMarkerAlone_OnlyGreaterKeys()
    {
        Assert.Equal(["u3", "u4", "u5"], MultipartUploadPage.Of(Ordered, "", null, "a", null, 10).Uploads.Select(u => u.UploadId));
    }

    [Fact]
    public void Of_DelimiterTruncatedOnPrefix_NextMarkerIsThePrefixWithoutUploadId()
    {
        var first = MultipartUploadPage.Of(Ordered, "", "/", "a", "u2", 1);
        var second = MultipartUploadPage.Of(Ordered, "", "/", first.NextKeyMarker, first.NextUploadIdMarker, 1);

        Assert.Equal(["p/"], first.CommonPrefixes);
        Assert.True(first.IsTruncated);
        Assert.Equal(("p/", (string?)null), (first.NextKeyMarker, first.NextUploadIdMarker));
        Assert.Equal(["u5"], second.Uploads.Select(u => u.UploadId));
        Assert.False(second.IsTruncated);
    }

    [Fact]
    public void Of_MaxUploadsZero_EmptyAndNotTruncated()
    {
        var page = MultipartUploadPage.Of(Ordered, "", null, null, null, 0);

        Assert.Empty(page.Uploads);
        Assert.False(page.IsTruncated);
    }
}
