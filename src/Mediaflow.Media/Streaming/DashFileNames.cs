using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediaflow.Media.Streaming;

/// <summary>Pure: whether a file ffmpeg's dash muxer wrote belongs to a representation, by its name templates.</summary>
public static class DashFileNames
{
    public static bool Belongs(string fileName, DashRepresentation representation)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(representation);
        return Matches(fileName, representation.InitName, representation.Id)
            || (representation.MediaName is { } media && Matches(fileName, media, representation.Id));
    }

    private static bool Matches(string fileName, string template, int id)
    {
        var pattern = Regex.Escape(template)
            .Replace(Regex.Escape("$RepresentationID$"), id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(Regex.Escape("$Number$"), "[0-9]+", StringComparison.Ordinal);
        return Regex.IsMatch(fileName, "^" + pattern + "\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
