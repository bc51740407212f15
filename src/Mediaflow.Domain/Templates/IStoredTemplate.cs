namespace Mediaflow.Domain.Templates;

/// <summary>
/// The fields every template family shares (reference/mps-api.md §13.0): the generic CRUD works on these and leaves the
/// family's own fields to its record and its <see cref="TemplateFamily{T}"/> rules.
/// </summary>
public interface IStoredTemplate<out TSelf>
    where TSelf : IStoredTemplate<TSelf>
{
    long Definition { get; }
    string Name { get; }

    /// <summary><c>Preset</c>/<c>Custom</c>; for watermarks the watermark type (the Describe filter of the same name, §13.6).</summary>
    string Type { get; }

    string Comment { get; }
    DateTimeOffset CreateTime { get; }
    DateTimeOffset UpdateTime { get; }

    /// <summary>The same template numbered and stamped as a stored custom template.</summary>
    TSelf AsCustom(long definition, DateTimeOffset createTime, DateTimeOffset updateTime);
}
