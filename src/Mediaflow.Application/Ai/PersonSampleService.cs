using System.Text.Json;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;
using Mediaflow.Engine.Tasks;
using Mediaflow.Media.Ai;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Ai;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Ai;

/// <summary>
/// Create/Modify/Delete/DescribePersonSamples: the account's face library. Each face photo is checked when it arrives:
/// the largest frontal face is detected and stored as the normalized crop recognition trains on; a photo without a face
/// (or not an image) is reported in <c>FailFaceInfoSet</c> and not stored.
/// </summary>
public sealed class PersonSampleService(MediaflowDbContext db, FaceDetector detector, TimeProvider time)
{
    public const int MaxPerAccount = 1000;
    public const string NotExist = "ResourceNotFound.PersonNotExist";

    public async Task<object> CreateAsync(long appId, PersonSampleChange request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PersonSampleRules.ValidateName(request.Name);
        PersonSampleRules.ValidateDescription(request.Description);
        PersonSampleRules.ValidateUsages(request.Usages);
        PersonSampleRules.ValidateFaces(request.FaceContents, "FaceContents");
        PersonSampleRules.ValidateTags(request.Tags);
        if (await db.PersonSamples.CountAsync(p => p.AppId == appId, cancellationToken) >= MaxPerAccount)
        {
            throw new ApiException(ApiErrorCodes.LimitExceeded, $"an account holds at most {MaxPerAccount} person samples");
        }

        var (faces, failures) = Crop(request.FaceContents ?? []);
        var now = time.GetUtcNow();
        var row = new PersonSampleRow
        {
            PersonId = "mfperson-" + Guid.NewGuid().ToString("N")[..20],
            AppId = appId,
            Name = request.Name!,
            Description = request.Description ?? "",
            TagsJson = JsonSerializer.Serialize(request.Tags?.Distinct(StringComparer.Ordinal).ToList() ?? []),
            UsagesJson = JsonSerializer.Serialize(request.Usages!.Distinct(StringComparer.Ordinal).ToList()),
            FacesJson = JsonSerializer.Serialize(faces),
            CreateTime = now,
            UpdateTime = now,
        };
        db.PersonSamples.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new { Person = View(row), FailFaceInfoSet = failures };
    }

    public async Task<object> ModifyAsync(long appId, PersonSampleChange request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await FindAsync(appId, request.PersonId, cancellationToken);
        if (request.Name is not null)
        {
            PersonSampleRules.ValidateName(request.Name);
            row.Name = request.Name;
        }

        if (request.Description is not null)
        {
            PersonSampleRules.ValidateDescription(request.Description);
            row.Description = request.Description;
        }

        if (request.Usages is not null)
        {
            PersonSampleRules.ValidateUsages(request.Usages);
            row.UsagesJson = JsonSerializer.Serialize(request.Usages.Distinct(StringComparer.Ordinal).ToList());
        }

        var failures = new List<object>();
        if (request.FaceOperationInfo is { } faceOperation)
        {
            PersonSampleRules.ValidateFaces(faceOperation.FaceContents, "FaceContents");
            var faces = Faces(row);
            switch (faceOperation.Type)
            {
                case "add" or "reset":
                    var (added, failed) = Crop(faceOperation.FaceContents ?? throw new ApiException(ApiErrorCodes.MissingParameter, "FaceOperationInfo.FaceContents is required for add and reset"));
                    faces = faceOperation.Type == "reset" ? added : [.. faces, .. added];
                    failures = failed;
                    break;
                case "delete":
                    var ids = faceOperation.FaceIds ?? throw new ApiException(ApiErrorCodes.MissingParameter, "FaceOperationInfo.FaceIds is required for delete");
                    faces = [.. faces.Where(f => !ids.Contains(f.FaceId))];
                    break;
                default:
                    throw new ApiException(ApiErrorCodes.InvalidValue("Type"), "FaceOperationInfo.Type must be add, delete or reset.");
            }

            row.FacesJson = JsonSerializer.Serialize(faces);
        }

        if (request.TagOperationInfo is { } tagOperation)
        {
            var tags = tagOperation.ApplyToTags(Tags(row));
            PersonSampleRules.ValidateTags(tags);
            row.TagsJson = JsonSerializer.Serialize(tags);
        }

        row.UpdateTime = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new { Person = View(row), FailFaceInfoSet = failures };
    }

    public async Task DeleteAsync(long appId, string? personId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, personId, cancellationToken);
        db.PersonSamples.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary><c>Type</c> <c>Default</c> lists the public-figure library, which this server does not have: always empty.</summary>
    public async Task<object> DescribeAsync(long appId, string? type, IReadOnlyList<string>? personIds, IReadOnlyList<string>? names, IReadOnlyList<string>? tags,
        long offset, long limit, CancellationToken cancellationToken)
    {
        if (type is not (null or "" or "UserDefine" or "Default"))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Type"), "Type must be UserDefine or Default.");
        }

        if (offset < 0 || limit is < 1 or > 100)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(offset < 0 ? "Offset" : "Limit"), "Offset must be ≥ 0 and Limit 1..100.");
        }

        var rows = type == "Default" ? [] : await db.PersonSamples.AsNoTracking().Where(p => p.AppId == appId).OrderBy(p => p.CreateTime).ThenBy(p => p.PersonId).ToListAsync(cancellationToken);
        var matching = rows
            .Where(r => personIds is not { Count: > 0 } || personIds.Contains(r.PersonId))
            .Where(r => names is not { Count: > 0 } || names.Contains(r.Name))
            .Where(r => tags is not { Count: > 0 } || Tags(r).Any(tags.Contains))
            .ToList();
        return new { TotalCount = matching.Count, PersonSet = matching.Skip((int)offset).Take((int)limit).Select(View).ToList() };
    }

    private async Task<PersonSampleRow> FindAsync(long appId, string? personId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(personId))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "PersonId is required");
        }

        return await db.PersonSamples.SingleOrDefaultAsync(p => p.AppId == appId && p.PersonId == personId, cancellationToken)
            ?? throw new ApiException(NotExist, $"person sample {personId} does not exist");
    }

    private (List<PersonFace> Faces, List<object> Failures) Crop(IReadOnlyList<string> contents)
    {
        var faces = new List<PersonFace>();
        var failures = new List<object>();
        for (var i = 0; i < contents.Count; i++)
        {
            byte[]? crop = null;
            var problem = "the image shows no detectable frontal face";
            try
            {
                crop = detector.CropLargestFace(Convert.FromBase64String(contents[i]));
            }
            catch (FormatException)
            {
                problem = "not base64";
            }

            if (crop is null)
            {
                failures.Add(new { Index = i, ErrCode = 1, Message = problem });
                continue;
            }

            faces.Add(new PersonFace("mfface-" + Guid.NewGuid().ToString("N")[..16], Convert.ToBase64String(crop)));
        }

        return (faces, failures);
    }

    private static List<PersonFace> Faces(PersonSampleRow row) => JsonSerializer.Deserialize<List<PersonFace>>(row.FacesJson) ?? [];

    private static List<string> Tags(PersonSampleRow row) => JsonSerializer.Deserialize<List<string>>(row.TagsJson) ?? [];

    /// <summary><c>AiSamplePerson</c>: a face's Url is its stored crop as a data URL (no separate image hosting).</summary>
    private static JsonObject View(PersonSampleRow row) => new()
    {
        ["PersonId"] = row.PersonId,
        ["Name"] = row.Name,
        ["Description"] = row.Description,
        ["FaceInfoSet"] = new JsonArray([.. Faces(row).Select(f => (JsonNode)new JsonObject { ["FaceId"] = f.FaceId, ["Url"] = "data:image/png;base64," + f.Crop })]),
        ["TagSet"] = new JsonArray([.. Tags(row).Select(t => (JsonNode)t)]),
        ["UsageSet"] = JsonNode.Parse(row.UsagesJson),
        ["CreateTime"] = WireTime.Format(row.CreateTime),
        ["UpdateTime"] = WireTime.Format(row.UpdateTime),
    };
}
