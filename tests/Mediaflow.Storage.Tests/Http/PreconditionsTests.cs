using Mediaflow.Storage.Http;

namespace Mediaflow.Storage.Tests.Http;

public sealed class PreconditionsTests
{
    private const string ETag = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Modified = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("\"0123456789abcdef0123456789abcdef\"", null, null, null, "Proceed")]
    [InlineData("\"other\", \"0123456789abcdef0123456789abcdef\"", null, null, null, "Proceed")]
    [InlineData("*", null, null, null, "Proceed")]
    [InlineData("\"other\"", null, null, null, "Failed")]
    [InlineData(null, "\"0123456789abcdef0123456789abcdef\"", null, null, "NotModified")]
    [InlineData(null, "W/\"0123456789abcdef0123456789abcdef\"", null, null, "NotModified")]
    [InlineData(null, "\"other\"", "Sun, 01 Mar 2026 13:00:00 GMT", null, "Proceed")]
    [InlineData(null, null, "Sun, 01 Mar 2026 12:00:00 GMT", null, "NotModified")]
    [InlineData(null, null, "Sun, 01 Mar 2026 11:59:59 GMT", null, "Proceed")]
    [InlineData(null, null, "not a date", null, "Proceed")]
    [InlineData(null, null, null, "Sun, 01 Mar 2026 11:59:59 GMT", "Failed")]
    [InlineData(null, null, null, "Sun, 01 Mar 2026 12:00:00 GMT", "Proceed")]
    [InlineData("\"0123456789abcdef0123456789abcdef\"", null, null, "Sun, 01 Mar 2026 11:00:00 GMT", "Proceed")]
    [InlineData("\"other\"", "\"0123456789abcdef0123456789abcdef\"", null, null, "Failed")]
    public void Evaluate_Headers_Rfc9110Order(string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince, string expected) =>
        Assert.Equal(Enum.Parse<PreconditionOutcome>(expected), Preconditions.Evaluate(ETag, Modified, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince));
}
