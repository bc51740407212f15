using Mediaflow.Media.Transcoding;

namespace Mediaflow.Media.Tests.Transcoding;

public class FfmpegFailureClassifierTests
{
    [Theory]
    [InlineData("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found", MediaErrorCodes.ContentMalformed, false)]
    [InlineData("/w/src.mp4: Invalid data found when processing input", MediaErrorCodes.ContentMalformed, false)]
    [InlineData("Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height", MediaErrorCodes.ConfigurationUnsupported, false)]
    [InlineData("av_interleaved_write_frame(): No space left on device", MediaErrorCodes.InternalError, true)]
    [InlineData("something nobody expected", MediaErrorCodes.InternalError, true)]
    public void Classify_StderrTail(string line, string code, bool retryable)
    {
        var (errCodeExt, isRetryable, message) = FfmpegFailureClassifier.Classify(1, ["Stream mapping:", line]);
        Assert.Equal(code, errCodeExt);
        Assert.Equal(retryable, isRetryable);
        Assert.Contains(line.Trim(), message, StringComparison.Ordinal);
    }
}
