using Mediaflow.Domain.Orchestrations;
using Mediaflow.Domain.Templates;

namespace Mediaflow.Media.Watermarks;

/// <summary>One watermark a node asks for: the node's <see cref="WatermarkInput"/> and its resolved template.</summary>
public sealed record WatermarkRequest(WatermarkInput Input, WatermarkTemplate Template);
