namespace Mediaflow.Domain.QualityControl;

/// <summary>
/// Every quality-control item type the spec names (§13.8), with where its finding goes on the wire. Which of them this
/// build can detect is decided by the registered inspectors (<c>Mediaflow.Media.QualityControl</c>), not here.
/// </summary>
public static class QualityControlItemNames
{
    /// <summary>Content anomalies, reported in <c>QualityControlResultSet[].Type</c>.</summary>
    public static readonly IReadOnlySet<string> Content = new HashSet<string>(StringComparer.Ordinal)
    {
        "LowEvaluation", "AudioEvaluation", "Mosaic", "CrashScreen", "Blur", "Jitter", "Noise", "QRCode", "BarCode",
        "AppletCode", "BlackWhiteEdge", "SolidColorScreen", "LowLighting", "HighLighting", "NoVoice", "LowVoice",
        "HighVoice", "AudioNoise",
        // Our extensions (issue 5 / DESIGN §7.4): a frozen picture, and full-reference SSIM/PSNR against the source.
        "Freeze", "SSIM", "PSNR",
    };

    /// <summary>Format anomalies, reported in <c>ContainerDiagnoseResultSet[]</c>, with their spec Category.</summary>
    public static readonly IReadOnlyDictionary<string, string> FormatCategory = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["VideoResolutionChanged"] = "DecodeParamException",
        ["AudioSampleRateChanged"] = "DecodeParamException",
        ["AudioChannelsChanged"] = "DecodeParamException",
        ["ParameterSetsChanged"] = "DecodeParamException",
        ["DarOrSarInvalid"] = "DecodeParamException",
        ["TimestampFallback"] = "TimeStampException",
        ["DtsJitter"] = "TimeStampException",
        ["PtsJitter"] = "TimeStampException",
        ["AACDurationDeviation"] = "TimeStampException",
        ["AudioDroppingFrames"] = "FrameException",
        ["VideoDroppingFrames"] = "FrameException",
        ["AVTimestampInterleave"] = "TimeStampException",
        ["PtsLessThanDts"] = "TimeStampException",
        ["ReceiveFpsJitter"] = "FrameException",
        ["ReceiveFpsTooSmall"] = "FrameException",
        ["FpsJitter"] = "FrameException",
        ["StreamOpenFailed"] = "StreamStatusException",
        ["StreamEnd"] = "StreamStatusException",
        ["StreamParseFailed"] = "StreamStatusException",
        ["VideoFirstFrameNotIdr"] = "StreamAbnormalCharacteristics",
        ["StreamNALUError"] = "StreamAbnormalCharacteristics",
        ["TsStreamNoAud"] = "StreamAbnormalCharacteristics",
        ["AudioStreamLack"] = "StreamStatusException",
        ["VideoStreamLack"] = "StreamStatusException",
        ["LackAudioRecover"] = "StreamStatusException",
        ["LackVideoRecover"] = "StreamStatusException",
        ["VideoBitrateOutofRange"] = "StreamInfo",
        ["AudioBitrateOutofRange"] = "StreamInfo",
        ["VideoDecodeFailed"] = "DecodeException",
        ["AudioDecodeFailed"] = "DecodeException",
        ["AudioOutOfPhase"] = "StreamAbnormalCharacteristics",
        ["VideoDuplicatedFrame"] = "FrameException",
        ["AudioDuplicatedFrame"] = "FrameException",
        ["VideoRotation"] = "StreamInfo",
        ["TsMultiPrograms"] = "StreamInfo",
        ["Mp4InvalidCodecFourcc"] = "StreamAbnormalCharacteristics",
        ["HLSBadM3u8Format"] = "HLSRequirements",
        ["HLSInvalidMasterM3u8"] = "HLSRequirements",
        ["HLSInvalidMediaM3u8"] = "HLSRequirements",
        ["HLSMasterM3u8Recommended"] = "HLSRequirements",
        ["HLSMediaM3u8Recommended"] = "HLSRequirements",
        ["HLSMediaM3u8DiscontinuityExist"] = "HLSRequirements",
        ["HLSMediaSegmentsStreamNumChange"] = "HLSRequirements",
        ["HLSMediaSegmentsPTSJitterDeviation"] = "HLSRequirements",
        ["HLSMediaSegmentsDTSJitterDeviation"] = "HLSRequirements",
        ["TimecodeTrackExist"] = "StreamInfo",
    };

    public static bool IsKnown(string type) => Content.Contains(type) || FormatCategory.ContainsKey(type);
}
