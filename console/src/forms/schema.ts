// Typed form schemas of the template families (and node options): one field per wire field, so the console edits
// templates through selects, numbers with units and ranges, switches and collapsible groups instead of raw JSON. The
// server stays the judge: the selects list every value it knows (not only the valid combinations), and its
// InvalidParameterValue.<Field> errors are shown next to the field whose `errors` names them.

export interface Option { value: string | number; label?: string }

interface Base {
  /** The wire field (PascalCase, as the API takes it). */
  name: string
  label: string
  help?: string
  /** Error-code suffixes the server uses for this field (InvalidParameterValue.<suffix>); the field's own name always counts. */
  errors?: string[]
  /** Shown only while the sibling field `field` holds one of `in` (EraseType → its config); hidden, it holds no value. */
  when?: { field: string; in: (string | number)[] }
}

export type Field =
  | (Base & { kind: 'text'; required?: boolean; placeholder?: string })
  | (Base & { kind: 'number'; unit?: string; min?: number; max?: number; step?: number | 'any' })
  | (Base & { kind: 'select'; options: Option[]; numeric?: boolean; /** Options supplied by the page from the server (optionSources), listed before `options`. */ optionsFrom?: string; /** The empty choice's label; '(default)' unless said. */ empty?: string })
  | (Base & { kind: 'switch'; on: string | number; off: string | number })
  /** A list of scalars typed as one comma-separated text (ExtTimeOffsetSet: "10%, 2.5s"; numeric: TimeOffsetSet). */
  | (Base & { kind: 'values'; numeric?: boolean; placeholder?: string })
  /** A list of strings picked from fixed options (PrivacyTargets): one checkbox each. */
  | (Base & { kind: 'checks'; options: Option[] })
  | (Base & { kind: 'group'; fields: Field[]; open?: boolean })
  /** A list of objects (QualityControlItemSet, WatermarkSet…): rows added, removed and moved with buttons. */
  | (Base & { kind: 'list'; item: Field[]; itemLabel: string; newItem: Record<string, unknown>; /** The item field whose value titles a row. */ titleField?: string })

const opts = (...values: (string | number)[]): Option[] => values.map((value) => ({ value }))

const common: Field[] = [
  { kind: 'text', name: 'Name', label: 'Name', required: true, help: 'Up to 64 characters.' },
  { kind: 'text', name: 'Comment', label: 'Comment' },
]

const resolutionAdaptive: Field = {
  kind: 'select', name: 'ResolutionAdaptive', label: 'Resolution adaptive', options: [
    { value: 'open', label: 'open — Width is the long side' }, { value: 'close', label: 'close — Width is the width' }],
}
const fillType = (values: string[]): Field => ({ kind: 'select', name: 'FillType', label: 'Fill type', options: opts(...values) })
const width = (errors: string[] = []): Field => ({ kind: 'number', name: 'Width', label: 'Width', unit: 'px', min: 0, max: 4096, help: '0: from the source.', errors })
const height = (errors: string[] = []): Field => ({ kind: 'number', name: 'Height', label: 'Height', unit: 'px', min: 0, max: 4096, help: '0: from the source.', errors })

const videoCodecs = opts('h264', 'h265', 'av1', 'vp8', 'vp9', 'mpeg2')
const audioCodecs = opts('aac', 'mp3', 'mp2', 'flac', 'ac3', 'eac3', 'pcm16', 'pcm24', 'opus', 'vorbis')

const video: Field = {
  kind: 'group', name: 'VideoTemplate', label: 'Video', open: true, fields: [
    { kind: 'select', name: 'Codec', label: 'Codec', options: videoCodecs, errors: ['VideoCodec'] },
    { kind: 'number', name: 'Bitrate', label: 'Bitrate', unit: 'kbps', min: 0, max: 100000, help: '0: like the source; else 128–100000.', errors: ['VideoBitrate'] },
    { kind: 'number', name: 'Fps', label: 'Frame rate', unit: 'fps', min: 0, max: 120, help: '0: like the source.' },
    resolutionAdaptive,
    width(['Resolution']),
    height(['Resolution']),
    fillType(['black', 'white', 'stretch', 'gauss', 'smarttailor']),
    { kind: 'number', name: 'Gop', label: 'GOP', unit: 'frames', min: 0, max: 100000 },
    { kind: 'number', name: 'Vcrf', label: 'CRF', min: 0, max: 51, help: 'Constant quality; replaces Bitrate when set.' },
    { kind: 'select', name: 'BitDepth', label: 'Bit depth', numeric: true, options: [{ value: 8, label: '8 bit' }, { value: 10, label: '10 bit' }] },
    { kind: 'select', name: 'VideoProfile', label: 'Profile', options: opts('baseline', 'main', 'high', 'main10') },
  ],
}

const audio: Field = {
  kind: 'group', name: 'AudioTemplate', label: 'Audio', open: true, fields: [
    { kind: 'select', name: 'Codec', label: 'Codec', options: audioCodecs, errors: ['AudioCodec'] },
    { kind: 'number', name: 'Bitrate', label: 'Bitrate', unit: 'kbps', min: 0, max: 640, help: '0: the codec default.', errors: ['AudioBitrate'] },
    { kind: 'select', name: 'SampleRate', label: 'Sample rate', numeric: true, options: [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, 96000].map((v) => ({ value: v, label: `${v} Hz` })) },
    { kind: 'select', name: 'AudioChannel', label: 'Channels', numeric: true, options: [{ value: 1, label: 'mono' }, { value: 2, label: 'stereo' }, { value: 6, label: '5.1' }] },
  ],
}

const transcode: Field[] = [
  ...common,
  { kind: 'select', name: 'Container', label: 'Container', options: opts('mp4', 'hls', 'flv', 'ts', 'webm', 'mkv', 'mov', 'mxf', 'mp3', 'm4a', 'flac', 'ogg', 'wav') },
  { kind: 'switch', name: 'RemoveVideo', label: 'Remove video', on: 1, off: 0 },
  { kind: 'switch', name: 'RemoveAudio', label: 'Remove audio', on: 1, off: 0 },
  video,
  audio,
]

const imageFormat: Field = { kind: 'select', name: 'Format', label: 'Format', options: opts('jpg', 'png', 'webp') }
const sampling: Field[] = [
  { kind: 'select', name: 'SampleType', label: 'Sample by', options: [{ value: 'Percent', label: 'Percent of the duration' }, { value: 'Time', label: 'Time interval' }] },
  { kind: 'number', name: 'SampleInterval', label: 'Interval', unit: '% or s', min: 1, max: 86400, help: 'Percent: 1–100; Time: seconds.' },
]

const watermarkText: Field = {
  kind: 'group', name: 'TextTemplate', label: 'Text watermark', fields: [
    { kind: 'text', name: 'TextContent', label: 'Text' },
    { kind: 'select', name: 'FontType', label: 'Font', options: opts('simkai.ttf', 'arial.ttf') },
    { kind: 'text', name: 'FontSize', label: 'Font size', placeholder: '16px' },
    { kind: 'text', name: 'FontColor', label: 'Colour', placeholder: '0xFFFFFF' },
    { kind: 'number', name: 'FontAlpha', label: 'Opacity', min: 0, max: 1, step: 0.1 },
  ],
}
const watermarkImage: Field = {
  kind: 'group', name: 'ImageTemplate', label: 'Image watermark', fields: [
    { kind: 'text', name: 'ImageContent', label: 'Image (base64)' },
    { kind: 'text', name: 'Width', label: 'Width', placeholder: '10%' },
    { kind: 'text', name: 'Height', label: 'Height', placeholder: '0px' },
    { kind: 'select', name: 'RepeatType', label: 'Repeat', options: opts('once', 'repeat_last_frame', 'repeat') },
  ],
}

const sw = (name: string, label: string): Field => ({ kind: 'switch', name, label, on: 'ON', off: 'OFF' })
const configure = (name: string, label: string, more: Field[] = []): Field => ({ kind: 'group', name, label, open: true, fields: [sw('Switch', 'On'), ...more] })

/** One quality-control item (QualityControlItemConfig); the Type select lists the items this server detects (optionSources.qcItems). */
const qualityControlItem: Field[] = [
  { kind: 'select', name: 'Type', label: 'Item', options: [], optionsFrom: 'qcItems', empty: '— choose an item —' },
  sw('Switch', 'Detect'),
  { kind: 'text', name: 'Threshold', label: 'Threshold', help: 'SSIM 0–1, PSNR 0–100 dB; other items: their inspector\'s grammar.' },
  { kind: 'select', name: 'Sampling', label: 'Sampling', options: [{ value: 'Time', label: 'Time — every interval' }] },
  { kind: 'number', name: 'IntervalTime', label: 'Interval', unit: 'ms', min: 1, max: 3600000 },
  { kind: 'number', name: 'Duration', label: 'Lasting at least', unit: 'ms', min: 0, max: 86400000 },
]

/** A content-review label: its text switches (ASR, OCR), each with block/review confidences. */
const confidence: Field[] = [
  sw('Switch', 'On'),
  { kind: 'number', name: 'BlockConfidence', label: 'Block at', unit: '%', min: 0, max: 100, help: 'Default 100.' },
  { kind: 'number', name: 'ReviewConfidence', label: 'Review at', unit: '%', min: 0, max: 100, help: 'Default 75.' },
]
const reviewLabel = (name: string, label: string, asr: boolean): Field => ({
  kind: 'group', name, label, open: true, fields: [
    ...(asr ? [{ kind: 'group', name: 'AsrReviewInfo', label: 'Speech (ASR)', open: true, fields: confidence } as Field] : []),
    { kind: 'group', name: 'OcrReviewInfo', label: 'On-screen text (OCR)', open: true, fields: confidence },
  ],
})
const contentReview: Field[] = [
  ...common,
  reviewLabel('PornConfigure', 'Porn', true),
  reviewLabel('TerrorismConfigure', 'Terrorism', false),
  reviewLabel('PoliticalConfigure', 'Political', true),
  reviewLabel('ProhibitedConfigure', 'Prohibited', true),
]

const languages = (...values: string[]): Option[] => values.map((value) => ({ value }))

/** A rectangle to erase (EraseArea): corners as fractions of the frame (Unit 1) or pixels (Unit 2). */
const eraseArea: Field[] = [
  { kind: 'select', name: 'Unit', label: 'Unit', numeric: true, options: [{ value: 1, label: '1 — fraction' }, { value: 2, label: '2 — pixels' }], empty: '(default: fraction)', help: 'Fraction: 0–1 of the frame.' },
  { kind: 'number', name: 'LeftTopX', label: 'Left', min: 0, step: 'any' },
  { kind: 'number', name: 'LeftTopY', label: 'Top', min: 0, step: 'any' },
  { kind: 'number', name: 'RightBottomX', label: 'Right', min: 0, step: 'any' },
  { kind: 'number', name: 'RightBottomY', label: 'Bottom', min: 0, step: 'any' },
]
const areaErrors = ['EraseArea', 'Unit']
const autoAreas = (method: string): Field => ({
  kind: 'list', name: 'AutoAreas', label: 'Search areas', itemLabel: 'area', newItem: { Unit: 1 }, item: eraseArea, errors: areaErrors,
  help: 'Only what is found touching one of these is erased; none: the whole frame (subtitles: its lower half).', when: { field: method, in: ['auto'] },
})
/** CustomAreas: time ranges (EraseTimeArea), each with its rectangles. */
const customAreas = (method: string): Field => ({
  kind: 'list', name: 'CustomAreas', label: 'Areas to erase', itemLabel: 'time range', newItem: { BeginMs: 0, EndMs: 0, Areas: [{ Unit: 1 }] },
  errors: ['EraseTimeArea', ...areaErrors], when: { field: method, in: ['custom'] }, item: [
    { kind: 'number', name: 'BeginMs', label: 'From', unit: 'ms', min: 0 },
    { kind: 'number', name: 'EndMs', label: 'Until', unit: 'ms', min: 0, help: '0: to the end.' },
    { kind: 'list', name: 'Areas', label: 'Rectangles', itemLabel: 'area', newItem: { Unit: 1 }, item: eraseArea },
  ],
})
const eraseMethod = (name: string): Field => ({
  kind: 'select', name, label: 'Method', options: [{ value: 'auto', label: 'auto — detect' }, { value: 'custom', label: 'custom — the areas given' }], empty: '— choose a method —',
})
/**
 * SmartErase (docs/media-ai-analysis.md): the config of the chosen EraseType only (another type's is refused, so it is
 * hidden and dropped); what the server refuses is not offered (WatermarkModel advanced, OCR extraction, translation,
 * subtitle embedding, plates).
 */
const smartErase: Field[] = [
  ...common,
  { kind: 'select', name: 'EraseType', label: 'Erase', options: [{ value: 'watermark', label: 'watermark — static logos' }, { value: 'subtitle', label: 'subtitle — burned-in text' }, { value: 'privacy', label: 'privacy — faces' }], empty: '— choose what to erase —' },
  {
    kind: 'group', name: 'EraseWatermarkConfig', label: 'Watermark erasing', open: true, when: { field: 'EraseType', in: ['watermark'] }, fields: [
      eraseMethod('WatermarkEraseMethod'),
      { kind: 'select', name: 'WatermarkModel', label: 'Model', options: [{ value: 'basic', label: 'basic — static-overlay detection + delogo' }] },
      autoAreas('WatermarkEraseMethod'),
      customAreas('WatermarkEraseMethod'),
    ],
  },
  {
    kind: 'group', name: 'EraseSubtitleConfig', label: 'Subtitle erasing', open: true, when: { field: 'EraseType', in: ['subtitle'] }, fields: [
      eraseMethod('SubtitleEraseMethod'),
      { kind: 'select', name: 'SubtitleModel', label: 'Model', options: [{ value: 'standard', label: 'standard — each line grown by 6 px' }, { value: 'area', label: 'area — grown by 18 px' }] },
      autoAreas('SubtitleEraseMethod'),
      customAreas('SubtitleEraseMethod'),
    ],
  },
  {
    kind: 'group', name: 'ErasePrivacyConfig', label: 'Privacy erasing', open: true, when: { field: 'EraseType', in: ['privacy'] }, fields: [
      { kind: 'select', name: 'PrivacyModel', label: 'Method', options: [{ value: 'blur', label: 'blur' }, { value: 'mosaic', label: 'mosaic — pixelize' }], empty: '— choose a method —' },
      { kind: 'checks', name: 'PrivacyTargets', label: 'Targets', options: [{ value: 'face', label: 'Faces' }], help: 'Licence plates are not offered: this server has no plate detector.' },
    ],
  },
]

/** The form of each template family; families not listed here are edited in the JSON tab (plus Name and Comment). */
export const templateSchemas: Record<string, Field[]> = {
  Transcode: transcode,
  Watermark: [
    ...common,
    { kind: 'select', name: 'Type', label: 'Type', options: opts('image', 'text', 'svg') },
    { kind: 'select', name: 'CoordinateOrigin', label: 'Origin', options: opts('TopLeft', 'TopRight', 'BottomLeft', 'BottomRight', 'Center') },
    { kind: 'text', name: 'XPos', label: 'X offset', placeholder: '0px or 10%' },
    { kind: 'text', name: 'YPos', label: 'Y offset', placeholder: '0px or 10%' },
    watermarkText,
    watermarkImage,
  ],
  SnapshotByTimeOffset: [...common, width(), height(), resolutionAdaptive, imageFormat, fillType(['black', 'white', 'stretch', 'gauss'])],
  SampleSnapshot: [...common, ...sampling, width(), height(), resolutionAdaptive, imageFormat, fillType(['black', 'white', 'stretch', 'gauss'])],
  ImageSprite: [
    ...common, ...sampling,
    { kind: 'number', name: 'RowCount', label: 'Rows', min: 1, max: 10 },
    { kind: 'number', name: 'ColumnCount', label: 'Columns', min: 1, max: 10 },
    width(), height(), resolutionAdaptive, imageFormat, fillType(['black', 'white', 'stretch', 'gauss']),
  ],
  AnimatedGraphics: [
    ...common,
    { kind: 'select', name: 'Format', label: 'Format', options: opts('gif', 'webp') },
    { kind: 'number', name: 'Fps', label: 'Frame rate', unit: 'fps', min: 1, max: 30 },
    width(), height(), resolutionAdaptive,
    { kind: 'number', name: 'Quality', label: 'Quality', unit: '%', min: 1, max: 100 },
  ],
  AdaptiveDynamicStreaming: [
    ...common,
    { kind: 'select', name: 'Format', label: 'Format', options: opts('HLS', 'MPEG-DASH') },
    { kind: 'select', name: 'SegmentType', label: 'Segments', options: opts('ts', 'fmp4') },
    { kind: 'switch', name: 'DisableHigherVideoBitrate', label: 'No bitrate above the source', on: 1, off: 0 },
    { kind: 'switch', name: 'DisableHigherVideoResolution', label: 'No resolution above the source', on: 1, off: 0 },
    { kind: 'switch', name: 'PureAudio', label: 'Audio only', on: 1, off: 0 },
  ],
  QualityControl: [
    ...common,
    { kind: 'list', name: 'QualityControlItemSet', label: 'Items', itemLabel: 'item', titleField: 'Type',
      errors: ['Type', 'Switch', 'Sampling', 'IntervalTime', 'Duration', 'Threshold', 'EmptyDetectItem'], newItem: { Switch: 'ON', Sampling: 'Time' }, item: qualityControlItem },
  ],
  AIRecognition: [
    ...common,
    configure('FaceConfigure', 'Face recognition', [
      { kind: 'number', name: 'Score', label: 'Minimum score', min: 0, max: 100 },
      { kind: 'select', name: 'FaceLibrary', label: 'Library', options: [{ value: 'UserDefine', label: 'UserDefine — the account\'s person samples' }] },
    ]),
    configure('OcrFullTextConfigure', 'OCR full text'),
    configure('OcrWordsConfigure', 'OCR words'),
    configure('AsrFullTextConfigure', 'ASR full text', [{ kind: 'select', name: 'SourceLanguage', label: 'Language', options: languages('en') }]),
    configure('AsrWordsConfigure', 'ASR words'),
  ],
  AIAnalysis: [
    ...common,
    configure('ClassificationConfigure', 'Classification'),
    configure('TagConfigure', 'Keyword tags'),
    configure('CoverConfigure', 'Cover'),
    configure('FrameTagConfigure', 'Frame tags'),
    configure('MfSegmentConfigure', 'Shot segments'),
    configure('MfHighlightConfigure', 'Highlights'),
    configure('MfHeadTailConfigure', 'Head and tail'),
  ],
  ContentReview: contentReview,
  SmartErase: smartErase,
  SmartSubtitle: [
    ...common,
    { kind: 'select', name: 'ProcessType', label: 'Source', numeric: true, options: [{ value: 0, label: '0 — speech (ASR)' }, { value: 1, label: '1 — translate a subtitle file' }, { value: 2, label: '2 — on-screen text (OCR)' }] },
    { kind: 'select', name: 'VideoSrcLanguage', label: 'Language', options: languages('en', 'zh', 'zh_en') },
    { kind: 'select', name: 'SubtitleType', label: 'Subtitle language', numeric: true, options: [{ value: 0, label: '0 — source' }, { value: 1, label: '1 — translation' }, { value: 2, label: '2 — both' }] },
    { kind: 'select', name: 'SubtitleFormat', label: 'File format', options: opts('vtt', 'srt') },
    { kind: 'group', name: 'AsrHotWordsConfigure', label: 'Hot words', fields: [sw('Switch', 'On'),
      { kind: 'select', name: 'LibraryId', label: 'Library', options: [], optionsFrom: 'hotwords', empty: '— choose a hot-word library —', errors: ['AsrHotWordsLibraryName'] }] },
    { kind: 'select', name: 'TranslateSwitch', label: 'Translate', options: opts('OFF', 'ON') },
    { kind: 'text', name: 'TranslateDstLanguage', label: 'Translate to' },
  ],
}

/** Fields every family's form shows at least (the rest of an unknown family is in the JSON tab). */
export const fallbackSchema: Field[] = common

/** Seconds of the output in a watermark or mosaic: 0/absent = start or end, n > 0 from the start, −n before the end. */
const windowOffsets: Field[] = [
  { kind: 'number', name: 'StartTimeOffset', label: 'From', unit: 's', step: 'any', help: '−n: n s before the end.' },
  { kind: 'number', name: 'EndTimeOffset', label: 'Until', unit: 's', step: 'any', help: '0: to the end.' },
]
/** A node's WatermarkSet; screenshots take no per-task text (TextContent is refused there). */
const watermarkSet = (text: boolean): Field => ({
  kind: 'list', name: 'WatermarkSet', label: 'Watermarks', itemLabel: 'watermark', titleField: 'Definition', newItem: {},
  errors: ['TextContent', 'SvgContent', 'RawParameter', 'StartTimeOffset', 'EndTimeOffset'], item: [
    { kind: 'select', name: 'Definition', label: 'Watermark template', numeric: true, options: [], optionsFrom: 'watermarks', empty: '— choose a watermark —' },
    ...(text ? [{ kind: 'text', name: 'TextContent', label: 'Text', help: 'Replaces a text template\'s text.' } as Field] : []),
    { kind: 'text', name: 'SvgContent', label: 'SVG body', help: 'For an svg template.' },
    ...windowOffsets,
  ],
})
/** A transcode's MosaicSet (MosaicInput): blurred rectangles, the origin the top-left corner (the one origin the server takes). */
const mosaicSet: Field = {
  kind: 'list', name: 'MosaicSet', label: 'Mosaics', itemLabel: 'mosaic', newItem: { CoordinateOrigin: 'TopLeft' },
  errors: ['CoordinateOrigin', 'XPos', 'YPos', 'Width', 'Height', 'StartTimeOffset', 'EndTimeOffset'], item: [
    { kind: 'select', name: 'CoordinateOrigin', label: 'Origin', options: [{ value: 'TopLeft', label: 'TopLeft — the top-left corner' }] },
    { kind: 'text', name: 'XPos', label: 'X', placeholder: '0px or 10%', help: 'N% of the width or Npx.' },
    { kind: 'text', name: 'YPos', label: 'Y', placeholder: '0px or 10%', help: 'N% of the height or Npx.' },
    { kind: 'text', name: 'Width', label: 'Width', placeholder: '10%', help: 'Default 10%.' },
    { kind: 'text', name: 'Height', label: 'Height', placeholder: '10%', help: 'Default 10%.' },
    ...windowOffsets,
  ],
}
/** How {number} is written in output paths (NumberFormat). */
const numberFormat: Field = {
  kind: 'group', name: 'ObjectNumberFormat', label: 'Numbering ({number})', fields: [
    { kind: 'number', name: 'InitialValue', label: 'First number', min: 0 },
    { kind: 'number', name: 'Increment', label: 'Increment', min: 1 },
    { kind: 'number', name: 'MinLength', label: 'Minimum length', min: 1, max: 32 },
    { kind: 'text', name: 'PlaceHolder', label: 'Pad with', placeholder: '0' },
  ],
}
const outputPath = (label = 'Output path'): Field => ({ kind: 'text', name: 'OutputObjectPath', label, placeholder: '/out/{inputName}_{definition}.{format}', help: 'Placeholders: {inputName} {definition} {format} {number}.' })

/** The node options (the ActivityPara member beside Definition) each node type's panel edits as a form; the rest (OverrideParameter, HeadTailParameter, RawParameter, OutputStorage…) is in its JSON tab. */
export const nodeOptionSchemas: Record<string, Field[]> = {
  TranscodeTask: [
    watermarkSet(true),
    mosaicSet,
    outputPath(),
    { kind: 'text', name: 'SegmentObjectName', label: 'Segment path', help: 'HLS segments, relative to the output.' },
    { kind: 'number', name: 'StartTimeOffset', label: 'Start at', unit: 's', min: 0, step: 0.1 },
    { kind: 'number', name: 'EndTimeOffset', label: 'End at', unit: 's', min: 0, step: 0.1 },
    numberFormat,
  ],
  SnapshotByTimeOffsetTask: [
    { kind: 'values', name: 'ExtTimeOffsetSet', label: 'At', placeholder: '1s, 50%, 100%', help: 'Seconds (3.5s) or shares of the duration (10%), comma-separated.' },
    { kind: 'values', name: 'TimeOffsetSet', label: 'At (seconds)', numeric: true, placeholder: '0, 2.5', help: 'Comma-separated seconds.' },
    watermarkSet(false),
    outputPath(),
    numberFormat,
  ],
  SampleSnapshotTask: [
    watermarkSet(false),
    outputPath(),
    numberFormat,
  ],
  ImageSpriteTask: [
    outputPath('Sprite path'),
    { kind: 'text', name: 'WebVttObjectName', label: 'WebVTT path' },
    numberFormat,
  ],
  AnimatedGraphicTask: [
    { kind: 'number', name: 'StartTimeOffset', label: 'Start at', unit: 's', min: 0, step: 0.1 },
    { kind: 'number', name: 'EndTimeOffset', label: 'End at', unit: 's', min: 0, step: 0.1 },
    outputPath(),
  ],
  AdaptiveDynamicStreamingTask: [
    watermarkSet(true),
    outputPath('Manifest path'),
    { kind: 'text', name: 'SubStreamObjectName', label: 'Sub-stream path' },
    { kind: 'text', name: 'SegmentObjectName', label: 'Segment path' },
    { kind: 'select', name: 'DefinitionType', label: 'Streams', options: [{ value: 'Common', label: 'Common — audio and video' }, { value: 'PureAudio', label: 'PureAudio — audio only' }] },
  ],
  SmartEraseTask: [outputPath()],
  SmartSubtitlesTask: [outputPath('Subtitle path')],
}

/**
 * The field path an API error names (InvalidParameterValue.VideoCodec → ['VideoTemplate','Codec']), or null. With the
 * form's value, fields hidden by their `when` are not candidates.
 */
export function fieldForError(fields: Field[], code: string, message = '', value?: Obj): string[] | null {
  const suffix = code.includes('.') ? code.slice(code.indexOf('.') + 1) : ''
  if (!suffix) return null
  const matches: string[][] = []
  const lists = new Set<string>()
  const walk = (list: Field[], path: string[], here: Obj | undefined) => {
    for (const f of list) {
      if (value !== undefined && !isShown(f, here ?? {})) continue
      const at = [...path, f.name]
      const child = here && typeof here[f.name] === 'object' ? (here[f.name] as Obj) : undefined
      if (f.kind === 'group') walk(f.fields, at, child)
      // An error on an item's field is shown under the whole list (the server names the field, not the row): the list's
      // `errors` names the item fields that are its own (not Definition, which the node's template shares).
      else if (f.kind === 'list') { if (f.name === suffix || f.errors?.includes(suffix)) { matches.push(at); lists.add(at.join('.')) } }
      else if (f.name === suffix || f.errors?.includes(suffix)) matches.push(at)
    }
  }
  walk(fields, [], value)
  if (matches.length <= 1) return matches[0] ?? null
  // A list whose rows the message names ("TranscodeTask.MosaicSet[0].XPos") holds the error; a plain field otherwise.
  const inList = matches.find((m) => lists.has(m.join('.')) && message.includes(`${m[m.length - 1]}[`))
  if (inList) return inList
  const plain = matches.filter((m) => !lists.has(m.join('.')))
  if (plain.length === 0) return matches[0]
  // A name shared by groups (Codec in Video and Audio; Width/Height): the one whose group the message mentions.
  return plain.find((m) => m.length > 1 && message.toLowerCase().includes(groupWord(m[m.length - 2]))) ?? plain[0]
}

/** Whether a field is shown beside the sibling values `here` (its `when`, if any, holds). */
export function isShown(field: Field, here: Obj): boolean {
  return !field.when || field.when.in.some((v) => String(v) === String(here?.[field.when!.field]))
}

/** The value without what hidden fields hold (changing EraseType drops the other type's config), in groups and list rows. */
export function pruneHidden(fields: Field[], value: Obj): Obj {
  let next = value
  for (const f of fields) {
    if (!(f.name in next)) continue
    if (!isShown(f, next)) {
      const { [f.name]: _dropped, ...rest } = next
      void _dropped
      next = rest
    } else if (f.kind === 'group' && next[f.name] && typeof next[f.name] === 'object' && !Array.isArray(next[f.name])) {
      const inner = pruneHidden(f.fields, next[f.name])
      if (inner !== next[f.name]) next = { ...next, [f.name]: inner }
    } else if (f.kind === 'list' && Array.isArray(next[f.name])) {
      const rows = next[f.name] as Obj[]
      const pruned = rows.map((r) => (r && typeof r === 'object' ? pruneHidden(f.item, r) : r))
      if (pruned.some((r, i) => r !== rows[i])) next = { ...next, [f.name]: pruned }
    }
  }
  return next
}

/** "10%, 2.5s" → ['10%', '2.5s']; numeric: "0, 2.5" → [0, 2.5] (a word that is not a number is kept as text for the server to refuse). */
export function parseValues(text: string, numeric = false): (string | number)[] {
  return text.split(',').map((t) => t.trim()).filter((t) => t !== '').map((t) => (numeric && t !== '' && Number.isFinite(Number(t)) ? Number(t) : t))
}

function groupWord(group: string): string {
  return group.replace(/Template$/, '').toLowerCase()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>

export function getAt(value: Obj, path: string[]): unknown {
  let current: unknown = value
  for (const p of path) current = current && typeof current === 'object' ? (current as Obj)[p] : undefined
  return current
}

/** A copy of value with path set (undefined deletes the field, and a group left empty is removed). */
export function setAt(value: Obj, path: string[], next: unknown): Obj {
  const [head, ...rest] = path
  const isList = Array.isArray(value)
  const copy: Obj = (isList ? [...value] : { ...value }) as Obj
  if (rest.length === 0) {
    if (next === undefined) delete copy[head]
    else copy[head] = next
    return copy
  }
  const child = setAt(copy[head] && typeof copy[head] === 'object' ? copy[head] : {}, rest, next)
  // A list row stays in place when emptied (removing it is the row's Remove button).
  if (Object.keys(child).length === 0 && !isList) delete copy[head]
  else copy[head] = child
  return copy
}

/** A list's rows after moving row `from` by `delta` (−1 up, +1 down); unchanged at the ends. */
export function moveRow<T>(rows: T[], from: number, delta: number): T[] {
  const to = from + delta
  if (from < 0 || from >= rows.length || to < 0 || to >= rows.length) return rows
  const copy = [...rows]
  const [row] = copy.splice(from, 1)
  copy.splice(to, 0, row)
  return copy
}

/** The quality-control items this server detects: the union of its preset templates' item types (preset 10 has all). */
export function qcItemOptions(templates: Obj[]): Option[] {
  const types = new Set<string>()
  for (const t of templates) if (t.Type === 'Preset') for (const item of (t.QualityControlItemSet ?? []) as Obj[]) if (typeof item.Type === 'string') types.add(item.Type)
  return [...types].sort().map((value) => ({ value }))
}

/** Watermark templates (presets and the account's) as options of a Definition select. */
export function templateOptions(templates: Obj[]): Option[] {
  return templates.map((t) => ({ value: t.Definition as number, label: `${t.Definition} · ${t.Name}${t.Type === 'Preset' ? ' (preset)' : ''}` }))
}

/** The account's ASR hot-word libraries (DescribeAsrHotwordsList) as options of a LibraryId select. */
export function hotwordOptions(libraries: Obj[]): Option[] {
  return libraries.map((l) => ({ value: l.HotwordsId as string, label: `${l.Name} (${l.WordCount} words)` }))
}
