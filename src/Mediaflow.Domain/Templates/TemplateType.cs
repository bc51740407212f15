namespace Mediaflow.Domain.Templates;

/// <summary>Wire values of a template's <c>Type</c>: system presets (Definition below 10000) or the account's own.</summary>
public static class TemplateType
{
    public const string Preset = "Preset";
    public const string Custom = "Custom";

    /// <summary>Definitions below this are system presets; custom templates are numbered from it upward.</summary>
    public const long FirstCustomDefinition = 10000;

    public static bool IsPresetDefinition(long definition) => definition < FirstCustomDefinition || PresetTranscodeTemplates.Contains(definition);
}
