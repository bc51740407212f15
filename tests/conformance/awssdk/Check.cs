namespace Mediaflow.Conformance.AwsSdk;

/// <summary>Assertions of the conformance client: a failed check throws with what was seen.</summary>
internal static class Check
{
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new ConformanceException(message);
        }
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new ConformanceException($"{what}: expected {expected}, got {actual}");
        }
    }

    public static void Sequence(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        if (!e.SequenceEqual(a, StringComparer.Ordinal))
        {
            throw new ConformanceException($"{what}: expected [{string.Join(", ", e)}], got [{string.Join(", ", a)}]");
        }
    }

    public static async Task<S3Failure> Fails(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (Amazon.S3.AmazonS3Exception e)
        {
            return new S3Failure((int)e.StatusCode, e.ErrorCode);
        }

        throw new ConformanceException($"{what}: expected an S3 error, the call succeeded");
    }
}
