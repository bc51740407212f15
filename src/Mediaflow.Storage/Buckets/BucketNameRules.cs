using System.Globalization;
using System.Net;

namespace Mediaflow.Storage.Buckets;

/// <summary>S3 bucket naming rules plus our COS rule: a trailing 10-digit part must be the creator's AppId.</summary>
public static class BucketNameRules
{
    /// <summary>Null when <paramref name="name"/> is valid for <paramref name="appId"/>, else the reason.</summary>
    public static string? Validate(string name, long appId)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 3 or > 63)
        {
            return "bucket names are 3 to 63 characters long";
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
            {
                return "bucket names use only lowercase letters, digits, '-' and '.'";
            }
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return "bucket names begin and end with a letter or digit";
        }

        if (name.Contains("..", StringComparison.Ordinal) || name.Contains(".-", StringComparison.Ordinal) || name.Contains("-.", StringComparison.Ordinal))
        {
            return "bucket names have no adjacent periods or period-hyphen pairs";
        }

        if (IPAddress.TryParse(name, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && name.Count(c => c == '.') == 3)
        {
            return "bucket names are not IP addresses";
        }

        if (name.StartsWith("xn--", StringComparison.Ordinal) || name.EndsWith("-s3alias", StringComparison.Ordinal))
        {
            return "bucket names do not use reserved prefixes or suffixes";
        }

        var appIdPart = CosAppIdSuffix(name);
        if (appIdPart is { } suffix && suffix != appId)
        {
            return $"a bucket name ending in a 10-digit number must end in your AppId {appId.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }

    /// <summary>The AppId of a COS-style <c>name-1250000000</c> bucket name, or null for other names.</summary>
    public static long? CosAppIdSuffix(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dash = name.LastIndexOf('-');
        if (dash <= 0)
        {
            return null;
        }

        var tail = name.AsSpan(dash + 1);
        if (tail.Length != 10 || tail.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        return long.Parse(tail, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
