namespace Mediaflow.Api;

/// <summary>The authenticated caller of one API request: the account (AppId) of the key that signed it.</summary>
public sealed record ApiCaller(long AppId, string SecretId);
