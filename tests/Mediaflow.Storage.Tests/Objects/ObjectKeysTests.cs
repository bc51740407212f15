using Mediaflow.Storage.Objects;

namespace Mediaflow.Storage.Tests.Objects;

public sealed class ObjectKeysTests
{
    [Theory]
    [InlineData("a\0b", StorageErrorCode.InvalidArgument)]
    [InlineData("", StorageErrorCode.InvalidArgument)]
    public void Validate_BadKey_S3Error(string key, StorageErrorCode expected)
    {
        var error = Assert.Throws<StorageException>(() => ObjectKeys.Validate(key));

        Assert.Equal(expected, error.Code);
    }

    [Fact]
    public void Validate_1025Utf8Bytes_KeyTooLongButCharacterCountWouldPass()
    {
        var key = new string('é', 513);

        var error = Assert.Throws<StorageException>(() => ObjectKeys.Validate(key));

        Assert.Equal(StorageErrorCode.KeyTooLongError, error.Code);
        Assert.True(key.Length < ObjectKeys.MaxBytes);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/absolute")]
    [InlineData("caf\u0065\u0301")]
    public void Validate_PathLikeOrDecomposedKeys_Accepted(string key) => ObjectKeys.Validate(key);
}
