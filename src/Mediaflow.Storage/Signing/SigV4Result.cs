using Mediaflow.Domain.Accounts;

namespace Mediaflow.Storage.Signing;

/// <summary>A verified SigV4 request: who signed it and how its body must be checked.</summary>
/// <param name="PayloadSha256">The expected hex SHA-256 of the body when <see cref="Mode"/> is <see cref="PayloadMode.Sha256"/>.</param>
/// <param name="Chain">The chunk signature chain for the signed streaming modes.</param>
public sealed record SigV4Result(AccessKey Key, PayloadMode Mode, string? PayloadSha256, ChunkSignatureChain? Chain);
