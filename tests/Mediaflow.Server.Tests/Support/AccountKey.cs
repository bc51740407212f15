namespace Mediaflow.Server.Tests.Support;

/// <summary>An account's AppId and one of its key pairs (TC3, SigV4 and q-sign all use it).</summary>
public sealed record AccountKey(long AppId, string SecretId, string SecretKey);
