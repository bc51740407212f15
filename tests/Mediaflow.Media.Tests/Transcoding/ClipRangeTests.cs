using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

public class ClipRangeTests
{
    [Theory]
    [InlineData(0, 0, 0, 10)]
    [InlineData(2, 5, 2, 5)]
    [InlineData(-3, 0, 7, 10)]
    [InlineData(1, -1, 1, 9)]
    [InlineData(0, 50, 0, 10)]
    [InlineData(-50, 0, 0, 10)]
    public void Resolve_Offsets(double start, double end, double expectedStart, double expectedEnd) =>
        Assert.Equal(new ClipRange(expectedStart, expectedEnd), ClipRange.Resolve(10, start, end));

    [Theory]
    [InlineData(10, 0)]
    [InlineData(12, 0)]
    [InlineData(5, 4)]
    [InlineData(0, -10)]
    public void Resolve_OutsideOrEmpty_InvalidTimeOffset(double start, double end)
    {
        var failure = Assert.Throws<MediaFailure>(() => ClipRange.Resolve(10, start, end));
        Assert.Equal(MediaErrorCodes.InvalidTimeOffset, failure.ErrCodeExt);
        Assert.False(failure.Retryable);
    }
}
