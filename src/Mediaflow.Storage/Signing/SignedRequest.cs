namespace Mediaflow.Storage.Signing;

/// <summary>
/// The parts of an HTTP request a signature covers, independent of ASP.NET so test vectors can build one directly.
/// </summary>
/// <param name="Path">The decoded request path, e.g. <c>/bucket/dir a/key.mp4</c>.</param>
/// <param name="Query">Decoded query parameters in arrival order; a bare <c>uploads</c> has value "".</param>
/// <param name="Header">Header value by lower-case name (repeated headers joined with ","), or null.</param>
public sealed record SignedRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    Func<string, string?> Header);
