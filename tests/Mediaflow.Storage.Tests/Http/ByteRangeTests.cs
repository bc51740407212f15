using Mediaflow.Storage.Http;

namespace Mediaflow.Storage.Tests.Http;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-9", 0L, 9L)]
    [InlineData("bytes=5-", 5L, 99L)]
    [InlineData("bytes=-10", 90L, 99L)]
    [InlineData("bytes=-500", 0L, 99L)]
    [InlineData("bytes=90-500", 90L, 99L)]
    public void Parse_SatisfiableRanges_InclusiveBounds(string header, long start, long end)
    {
        Assert.Equal(new ByteRange(start, end), ByteRange.Parse(header, 100));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("items=0-1")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("bytes=9-3")]
    [InlineData("bytes=x-")]
    public void Parse_AbsentOrUnsupported_WholeObject(string? header)
    {
        Assert.Null(ByteRange.Parse(header, 100));
    }

    [Theory]
    [InlineData("bytes=100-")]
    [InlineData("bytes=-0")]
    public void Parse_Unsatisfiable_InvalidRange(string header)
    {
        var error = Assert.Throws<StorageException>(() => ByteRange.Parse(header, 100));

        Assert.Equal(StorageErrorCode.InvalidRange, error.Code);
    }
}
