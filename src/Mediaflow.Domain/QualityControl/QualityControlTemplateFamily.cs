using Mediaflow.Domain.Templates;

namespace Mediaflow.Domain.QualityControl;

/// <summary>
/// The quality-control template family for the generic CRUD (spec §13.8). Unlike the other families it depends on what
/// this build detects, so it is built once at startup from the registered inspectors (Engine's QualityControlCatalog).
/// </summary>
public static class QualityControlTemplateFamily
{
    public const string Name = "QualityControl";

    public static TemplateFamily<QualityControlTemplate> Create(IReadOnlySet<string> detectable)
    {
        ArgumentNullException.ThrowIfNull(detectable);
        return new TemplateFamily<QualityControlTemplate>
        {
            Name = Name,
            MaxPerAccount = 100,
            Validate = template => QualityControlTemplateRules.Validate(template, detectable),
            UsedBy = para => para.QualityControlTask?.Definition,
            Presets = QualityControlPresets.Build(detectable),
        };
    }
}
