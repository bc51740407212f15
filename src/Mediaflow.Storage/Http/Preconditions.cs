using System.Globalization;

namespace Mediaflow.Storage.Http;

/// <summary>What a request's conditional headers say about serving an object.</summary>
internal enum PreconditionOutcome
{
    Proceed,
    NotModified,
    Failed,
}

/// <summary>
/// RFC 9110 §13.2.2 evaluation order, as S3 applies it: If-Match (else If-Unmodified-Since) can fail the request with
/// 412; then If-None-Match (else If-Modified-Since) answers 304. Unparsable dates are ignored, as S3 ignores them.
/// </summary>
internal static class Preconditions
{
    public static PreconditionOutcome Evaluate(
        string etag, DateTimeOffset lastModified, string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince)
    {
        if (ifMatch is not null)
        {
            if (!Matches(ifMatch, etag))
            {
                return PreconditionOutcome.Failed;
            }
        }
        else if (ParseDate(ifUnmodifiedSince) is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            return PreconditionOutcome.Failed;
        }

        if (ifNoneMatch is not null)
        {
            if (Matches(ifNoneMatch, etag))
            {
                return PreconditionOutcome.NotModified;
            }
        }
        else if (ParseDate(ifModifiedSince) is { } modifiedSince && lastModified <= modifiedSince)
        {
            return PreconditionOutcome.NotModified;
        }

        return PreconditionOutcome.Proceed;
    }

    /// <summary>Whether a list of entity tags (<c>"a", W/"b"</c>) or <c>*</c> names <paramref name="etag"/> (unquoted).</summary>
    public static bool Matches(string header, string etag)
    {
        ArgumentNullException.ThrowIfNull(header);
        foreach (var item in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tag = item.StartsWith("W/", StringComparison.Ordinal) ? item[2..] : item;
            if (tag == "*" || string.Equals(tag.Trim('"'), etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : null;
}
