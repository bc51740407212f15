namespace Mediaflow.Domain.Errors;

/// <summary>
/// A request the API refuses, with the MPS error code (e.g. <c>InvalidParameterValue.Name</c>).
/// Thrown by validation and application services; turned into the wire envelope in exactly one place (the API's error mapper).
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(string code, string message) : base(message) => Code = code;

    public ApiException() : this(ApiErrorCodes.InternalError, "internal error") { }

    public ApiException(string message) : this(ApiErrorCodes.InvalidParameterValue, message) { }

    public ApiException(string message, Exception innerException) : base(message, innerException) => Code = ApiErrorCodes.InternalError;

    public string Code { get; }
}
