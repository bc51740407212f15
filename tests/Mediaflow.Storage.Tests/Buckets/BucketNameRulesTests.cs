using Mediaflow.Storage.Buckets;

namespace Mediaflow.Storage.Tests.Buckets;

public sealed class BucketNameRulesTests
{
    private const long AppId = 1250000000;

    [Theory]
    [InlineData("media")]
    [InlineData("logs-2")]
    [InlineData("my.bucket-1")]
    [InlineData("test-1250000000")]
    [InlineData("abc")]
    public void Validate_ValidNames_Null(string name) => Assert.Null(BucketNameRules.Validate(name, AppId));

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("double..dot")]
    [InlineData("dot.-dash")]
    [InlineData("192.168.1.1")]
    [InlineData("xn--punycode")]
    [InlineData("test-1250000001")]
    public void Validate_InvalidNames_Reason(string name) => Assert.NotNull(BucketNameRules.Validate(name, AppId));

    [Fact]
    public void Validate_SixtyFourCharacters_Reason() => Assert.NotNull(BucketNameRules.Validate(new string('a', 64), AppId));

    [Theory]
    [InlineData("test-1250000000", 1250000000L)]
    [InlineData("logs-2", null)]
    [InlineData("a-b-12345678901", null)]
    [InlineData("1250000000", null)]
    public void CosAppIdSuffix_Names_AppIdOnlyForTenDigitTail(string name, long? expected) => Assert.Equal(expected, BucketNameRules.CosAppIdSuffix(name));
}
