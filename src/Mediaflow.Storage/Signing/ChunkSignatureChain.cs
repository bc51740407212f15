using System.Security.Cryptography;
using System.Text;

namespace Mediaflow.Storage.Signing;

/// <summary>
/// The chained signatures of an aws-chunked body: each chunk's signature covers its data and the previous signature,
/// starting from the seed (the request signature); the trailer signature covers the trailing headers.
/// </summary>
public sealed class ChunkSignatureChain(byte[] signingKey, DateTimeOffset timestamp, string scope, string seedSignature)
{
    public string PreviousSignature { get; private set; } = seedSignature;

    /// <summary>The expected signature of the next chunk given the hex SHA-256 of its data.</summary>
    public string ExpectedChunkSignature(string chunkSha256Hex) => SigV4.Sign(
        signingKey,
        $"AWS4-HMAC-SHA256-PAYLOAD\n{SigV4.FormatTimestamp(timestamp)}\n{scope}\n{PreviousSignature}\n{SigV4.EmptySha256}\n{chunkSha256Hex}");

    /// <summary>The expected trailer signature given the canonical trailing headers (<c>name:value\n</c> each, sorted).</summary>
    public string ExpectedTrailerSignature(string canonicalTrailers) => SigV4.Sign(
        signingKey,
        $"AWS4-HMAC-SHA256-TRAILER\n{SigV4.FormatTimestamp(timestamp)}\n{scope}\n{PreviousSignature}\n{SigV4.Sha256Hex(canonicalTrailers)}");

    /// <summary>Checks <paramref name="actual"/> against <paramref name="expected"/> and advances the chain.</summary>
    public void Accept(string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant())))
        {
            throw new StorageException(StorageErrorCode.SignatureDoesNotMatch, "a chunk signature of the aws-chunked body does not match");
        }

        PreviousSignature = expected;
    }
}
