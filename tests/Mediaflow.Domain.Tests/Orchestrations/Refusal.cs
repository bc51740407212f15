using Mediaflow.Domain.Errors;

namespace Mediaflow.Domain.Tests.Orchestrations;

/// <summary>Assertions on refused requests: the error code and, for DAG errors, the node the message names.</summary>
internal static class Refusal
{
    public static ApiException Expect(string code, Action act)
    {
        var error = Assert.Throws<ApiException>(act);
        Assert.Equal(code, error.Code);
        return error;
    }

    /// <summary>A DAG error: <c>InvalidParameterValue</c> with a message starting <c>Activities[index]: </c> (DESIGN §7.5).</summary>
    public static ApiException ExpectNode(int index, Action act)
    {
        var error = Expect(ApiErrorCodes.InvalidParameterValue, act);
        Assert.StartsWith($"Activities[{index}]: ", error.Message, StringComparison.Ordinal);
        return error;
    }
}
