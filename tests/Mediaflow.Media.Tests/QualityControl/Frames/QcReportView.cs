using Mediaflow.Media.QualityControl;

namespace Mediaflow.Media.Tests.QualityControl.Frames;

/// <summary>A detector's report and how many frames it was fed.</summary>
public sealed record QcReportView(QcReport Report, int Frames);
