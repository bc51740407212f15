namespace Mediaflow.Api.Actions;

/// <summary>A request DTO of one action. <see cref="Validate"/> checks that required fields are present.</summary>
public interface IMpsRequest
{
    /// <summary>Throws <c>MissingParameter</c> (see <see cref="MpsRequire"/>) for the first absent required field; a DTO without required fields does nothing.</summary>
    void Validate();
}
