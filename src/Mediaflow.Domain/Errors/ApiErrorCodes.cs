namespace Mediaflow.Domain.Errors;

/// <summary>MPS API error codes we answer with (reference/mps-api.md §3).</summary>
public static class ApiErrorCodes
{
    public const string InvalidAuthorization = "AuthFailure.InvalidAuthorization";
    public const string SecretIdNotFound = "AuthFailure.SecretIdNotFound";
    public const string SignatureExpire = "AuthFailure.SignatureExpire";
    public const string SignatureFailure = "AuthFailure.SignatureFailure";
    public const string InvalidAction = "InvalidAction";
    public const string NoSuchVersion = "NoSuchVersion";
    public const string InvalidParameter = "InvalidParameter";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string MissingParameter = "MissingParameter";
    public const string ResourceInUse = "ResourceInUse";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string TemplateNotExist = "ResourceNotFound.TemplateNotExist";
    public const string CosBucketNotExist = "ResourceNotFound.CosBucketNotExist";
    public const string UnsupportedOperation = "UnsupportedOperation";
    public const string FailedOperation = "FailedOperation";
    public const string LimitExceeded = "LimitExceeded";
    public const string InternalError = "InternalError";

    public static string InvalidValue(string field) => $"{InvalidParameterValue}.{field}";
}
