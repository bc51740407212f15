using System.Text;
using System.Text.Json.Nodes;
using Mediaflow.Domain.Ai;
using Mediaflow.Domain.Errors;
using Mediaflow.Engine.Tasks;
using Mediaflow.Media.Ai.HotWords;
using Mediaflow.Persistence;
using Mediaflow.Persistence.Ai;
using Microsoft.EntityFrameworkCore;

namespace Mediaflow.Application.Ai;

/// <summary>
/// <c>Create/Modify/Delete/DescribeAsrHotwords</c> and <c>DescribeAsrHotwordsList</c>: the account's ASR hot-word
/// libraries (docs/media-ai-subtitles.md). Type 0 keeps the text as given, Type 1 an uploaded UTF-8 file (base64 on the
/// wire); both are <c>word|weight</c> entries (<see cref="HotWordListParser"/>). A library a smart subtitle template
/// names (<c>AsrHotWordsConfigure.LibraryId</c>) cannot be deleted (<c>ResourceInUse</c>); its <c>Status</c> counts those templates.
/// </summary>
public sealed class AsrHotwordsService(MediaflowDbContext db, TimeProvider time)
{
    public const int MaxPerAccount = 100;
    public const int MaxNameLength = 64;
    public const int MaxFileBytes = 1 << 20;
    public const int TextType = 0;
    public const int FileType = 1;

    public async Task<object> CreateAsync(long appId, AsrHotwordsChange request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.Type ?? throw new ApiException(ApiErrorCodes.MissingParameter, "Type is required");
        if (type is not (TextType or FileType))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Type"), "Type must be 0 (text) or 1 (file)");
        }

        ValidateName(request.Name);
        var (content, fileName, count) = type == TextType
            ? Text(request.Content ?? throw new ApiException(ApiErrorCodes.MissingParameter, "Content is required for Type 0"))
            : File(request.FileContent ?? throw new ApiException(ApiErrorCodes.MissingParameter, "FileContent is required for Type 1"), request.FileName);
        if (await db.AsrHotwords.CountAsync(h => h.AppId == appId, cancellationToken) >= MaxPerAccount)
        {
            throw new ApiException(ApiErrorCodes.LimitExceeded, $"an account holds at most {MaxPerAccount} hot-word libraries");
        }

        await EnsureUniqueNameAsync(appId, request.Name!, null, cancellationToken);
        var now = time.GetUtcNow();
        var row = new AsrHotwordsRow
        {
            HotwordsId = "mfhw-" + Guid.NewGuid().ToString("N")[..20],
            AppId = appId,
            Name = request.Name!,
            Type = (int)type,
            Content = content,
            FileName = fileName,
            WordCount = count,
            CreateTime = now,
            UpdateTime = now,
        };
        db.AsrHotwords.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new { row.HotwordsId };
    }

    public async Task ModifyAsync(long appId, AsrHotwordsChange request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await FindAsync(appId, request.HotwordsId, null, cancellationToken);
        if (request.Name is null && request.Content is null && request.FileContent is null && request.FileName is null)
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, row.Type == TextType ? "Name or Content is required" : "Name, FileContent or FileName is required");
        }

        if (request.Name is not null)
        {
            ValidateName(request.Name);
            await EnsureUniqueNameAsync(appId, request.Name, row.HotwordsId, cancellationToken);
            row.Name = request.Name;
        }

        if (row.Type == TextType && (request.FileContent is not null || request.FileName is not null))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(request.FileContent is not null ? "FileContent" : "FileName"), "a text (Type 0) library takes Content, not a file");
        }

        if (row.Type == FileType && request.Content is not null)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Content"), "a file (Type 1) library takes FileContent, not Content");
        }

        if (request.Content is not null)
        {
            (row.Content, _, row.WordCount) = Text(request.Content);
        }

        if (request.FileContent is not null)
        {
            (row.Content, row.FileName, row.WordCount) = File(request.FileContent, request.FileName ?? row.FileName);
        }
        else if (request.FileName is not null)
        {
            row.FileName = ValidateFileName(request.FileName);
        }

        row.UpdateTime = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(long appId, string? hotwordsId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(appId, hotwordsId, null, cancellationToken);
        var users = await TemplatesUsingAsync(appId, row.HotwordsId, cancellationToken);
        if (users.Count > 0)
        {
            throw new ApiException(ApiErrorCodes.ResourceInUse, $"hot-word library {row.HotwordsId} is used by smart subtitle template(s) {string.Join(", ", users)}");
        }

        db.AsrHotwords.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<object> DescribeAsync(long appId, AsrHotwordsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(query.HotwordsId) && string.IsNullOrEmpty(query.Name))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "HotwordsId or Name is required");
        }

        var row = await FindAsync(appId, query.HotwordsId, query.Name, cancellationToken);
        var (offset, limit) = (query.Offset ?? 0, query.Limit ?? 10);
        if (offset < 0 || limit is < 1 or > 100)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue(offset < 0 ? "Offset" : "Limit"), "Offset must be >= 0 and Limit 1-100");
        }

        var words = HotWordListParser.Parse(row.Content).Words.Select((w, i) => (Id: i + 1, w.Text, w.Weight));
        words = query.OrderBy switch
        {
            null or "" or "Default" => words,
            "Weight" => words.OrderBy(w => w.Weight).ThenBy(w => w.Id),
            "Lexical" => words.OrderBy(w => w.Text, StringComparer.Ordinal).ThenBy(w => w.Id),
            _ => throw new ApiException(ApiErrorCodes.InvalidValue("OrderBy"), "OrderBy must be Default, Weight or Lexical"),
        };
        if (query.OrderType == 1)
        {
            words = words.Reverse();
        }

        return new JsonObject
        {
            ["HotwordsId"] = row.HotwordsId,
            ["Status"] = (await TemplatesUsingAsync(appId, row.HotwordsId, cancellationToken)).Count,
            ["Name"] = row.Name,
            ["Type"] = row.Type,
            ["FileName"] = row.FileName,
            ["HotWords"] = new JsonArray([.. words.Skip((int)offset).Take((int)limit).Select(w => (JsonNode)new JsonObject { ["Id"] = w.Id, ["Text"] = w.Text, ["Weight"] = w.Weight })]),
            ["Content"] = row.Type == TextType ? row.Content : Convert.ToBase64String(Encoding.UTF8.GetBytes(row.Content)),
            ["WordCount"] = row.WordCount,
            ["Offset"] = offset,
            ["Limit"] = limit,
            ["CreateTime"] = WireTime.Format(row.CreateTime),
            ["UpdateTime"] = WireTime.Format(row.UpdateTime),
        };
    }

    public async Task<object> DescribeListAsync(long appId, AsrHotwordsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await db.AsrHotwords.AsNoTracking().Where(h => h.AppId == appId).ToListAsync(cancellationToken);
        IEnumerable<AsrHotwordsRow> found = rows.Where(r => (string.IsNullOrEmpty(query.HotwordsId) || r.HotwordsId == query.HotwordsId)
            && (string.IsNullOrEmpty(query.Name) || r.Name == query.Name)
            && (query.Types is not { Count: > 0 } || query.Types.Contains(r.Type)));
        found = query.OrderBy switch
        {
            "UpdateTime" => found.OrderBy(r => r.UpdateTime),
            "Name" => found.OrderBy(r => r.Name, StringComparer.Ordinal),
            "WordCount" => found.OrderBy(r => r.WordCount),
            "HotwordsId" => found.OrderBy(r => r.HotwordsId, StringComparer.Ordinal),
            _ => found.OrderBy(r => r.CreateTime), // the spec: an unknown field sorts by creation time
        };
        var list = (query.OrderType == 1 ? found.Reverse() : found).ToList();
        var offset = Math.Max(0, query.Offset ?? 0);
        var page = list.Skip((int)offset).Take(query.Limit is > 0 ? (int)query.Limit : list.Count).ToList();
        var set = new JsonArray();
        foreach (var row in page)
        {
            set.Add(new JsonObject
            {
                ["HotwordsId"] = row.HotwordsId,
                ["Status"] = (await TemplatesUsingAsync(appId, row.HotwordsId, cancellationToken)).Count,
                ["Name"] = row.Name,
                ["WordCount"] = row.WordCount,
                ["FileName"] = row.FileName,
                ["CreateTime"] = WireTime.Format(row.CreateTime),
                ["UpdateTime"] = WireTime.Format(row.UpdateTime),
                ["Type"] = row.Type,
            });
        }

        return new JsonObject { ["TotalCount"] = list.Count, ["Offset"] = offset, ["Limit"] = query.Limit ?? list.Count, ["AsrHotwordsSet"] = set };
    }

    /// <summary>The custom smart subtitle templates that name the library.</summary>
    private async Task<List<long>> TemplatesUsingAsync(long appId, string hotwordsId, CancellationToken cancellationToken) =>
        await db.Templates.AsNoTracking()
            .Where(t => t.AppId == appId && t.Family == SmartSubtitleTemplates.Name && t.BodyJson.Contains(hotwordsId))
            .Select(t => t.Definition).ToListAsync(cancellationToken);

    private async Task<AsrHotwordsRow> FindAsync(long appId, string? hotwordsId, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(hotwordsId) && string.IsNullOrEmpty(name))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "HotwordsId is required");
        }

        var row = string.IsNullOrEmpty(hotwordsId)
            ? await db.AsrHotwords.SingleOrDefaultAsync(h => h.AppId == appId && h.Name == name, cancellationToken)
            : await db.AsrHotwords.SingleOrDefaultAsync(h => h.AppId == appId && h.HotwordsId == hotwordsId, cancellationToken);
        return row ?? throw new ApiException(ApiErrorCodes.ResourceNotFound, $"hot-word library {hotwordsId ?? name} does not exist");
    }

    private async Task EnsureUniqueNameAsync(long appId, string name, string? except, CancellationToken cancellationToken)
    {
        if (await db.AsrHotwords.AnyAsync(h => h.AppId == appId && h.Name == name && h.HotwordsId != except, cancellationToken))
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Name"), $"a hot-word library named {name} already exists");
        }
    }

    private static void ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "Name is required");
        }

        if (name.Length > MaxNameLength)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("Name"), $"Name is longer than {MaxNameLength} characters");
        }
    }

    private static (string Content, string FileName, int Count) Text(string content) => (content, "", Count(content, "Content"));

    private static (string Content, string FileName, int Count) File(string base64, string? fileName)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("FileContent"), "FileContent must be base64");
        }

        if (bytes.Length > MaxFileBytes)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("FileContent"), $"the hot-word file is larger than {MaxFileBytes} bytes");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ApiException(ApiErrorCodes.InvalidValue("FileContent"), "the hot-word file must be UTF-8 text");
        }

        return (text, ValidateFileName(fileName), Count(text, "FileContent"));
    }

    private static string ValidateFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            throw new ApiException(ApiErrorCodes.MissingParameter, "FileName is required for Type 1");
        }

        return fileName.Length > 256 ? throw new ApiException(ApiErrorCodes.InvalidValue("FileName"), "FileName is longer than 256 characters") : fileName;
    }

    private static int Count(string text, string field)
    {
        var (words, error) = HotWordListParser.Parse(text);
        return error is null ? words.Count : throw new ApiException(ApiErrorCodes.InvalidValue(field), $"{field}: {error}");
    }
}
