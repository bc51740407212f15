namespace Mediaflow.Persistence.Ai;

/// <summary>
/// One person of an account's face library (PersonSample actions): name, description, tags, usages, and the faces
/// registered for it as normalized crops (<see cref="FacesJson"/>: <c>[{FaceId, Crop}]</c>, Crop = base64 PNG).
/// </summary>
public sealed class PersonSampleRow
{
    public string PersonId { get; set; } = "";
    public long AppId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string TagsJson { get; set; } = "[]";
    public string UsagesJson { get; set; } = "[]";
    public string FacesJson { get; set; } = "[]";
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset UpdateTime { get; set; }
}
