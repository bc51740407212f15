// The pure parts of the forms and the sprite viewer (node --test): error-to-field mapping, nested set/unset, WebVTT cues.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fieldForError, setAt, getAt, templateSchemas, fallbackSchema } from '../node_modules/.tmp/test-build/forms/schema.js'
import { parseSpriteVtt, cueAt, vttTime } from '../node_modules/.tmp/test-build/forms/sprite.js'

test('an InvalidParameterValue names the form field it concerns', () => {
  const t = templateSchemas.Transcode
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.VideoCodec', 'Container mp4 cannot hold vp9 video'), ['VideoTemplate', 'Codec'])
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.AudioCodec', 'x'), ['AudioTemplate', 'Codec'])
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.VideoBitrate', 'x'), ['VideoTemplate', 'Bitrate'])
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.Container', 'x'), ['Container'])
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.Width', 'x'), ['VideoTemplate', 'Width'])
  assert.equal(fieldForError(t, 'InvalidParameterValue.NoSuchField', 'x'), null)
  assert.equal(fieldForError(t, 'LimitExceeded', 'x'), null)
  assert.deepEqual(fieldForError(fallbackSchema, 'InvalidParameterValue.Name', 'x'), ['Name'])
})

test('setAt sets nested fields, deletes on undefined and drops a group left empty', () => {
  let v = setAt({ Name: 'a' }, ['VideoTemplate', 'Codec'], 'h264')
  v = setAt(v, ['VideoTemplate', 'Bitrate'], 800)
  assert.deepEqual(v, { Name: 'a', VideoTemplate: { Codec: 'h264', Bitrate: 800 } })
  assert.equal(getAt(v, ['VideoTemplate', 'Bitrate']), 800)
  v = setAt(setAt(v, ['VideoTemplate', 'Codec'], undefined), ['VideoTemplate', 'Bitrate'], undefined)
  assert.deepEqual(v, { Name: 'a' })
})

test('a sprite VTT parses to cues with resolved sheets, and cueAt picks the one at a time', () => {
  const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nsprite_0.jpg#xywh=0,0,64,36\n\n00:00:01.000 --> 00:00:02.500\nsprite_0.jpg#xywh=64,0,64,36\n\n00:00:02.500 --> 00:00:03.000\n/other/s_1.jpg#xywh=0,36,64,36\n'
  const cues = parseSpriteVtt(vtt, 'out/task/sprite.vtt')
  assert.equal(cues.length, 3)
  assert.deepEqual(cues[1], { start: 1, end: 2.5, sheet: 'out/task/sprite_0.jpg', x: 64, y: 0, w: 64, h: 36 })
  assert.equal(cues[2].sheet, 'other/s_1.jpg')
  assert.equal(cueAt(cues, 0.99).x, 0)
  assert.equal(cueAt(cues, 1).x, 64)
  assert.equal(cueAt(cues, 3).y, 36)
  assert.equal(cueAt(cues, 3.5), null)
  assert.equal(vttTime('01:02:03.500'), 3723.5)
})

test('list rows: setAt edits a row in place, moveRow reorders and stops at the ends', async () => {
  const { moveRow } = await import('../node_modules/.tmp/test-build/forms/schema.js')
  let v = { Name: 'qc', QualityControlItemSet: [{ Type: 'Blur', Switch: 'ON' }, { Type: 'Noise' }] }
  v = setAt(v, ['QualityControlItemSet', '1', 'Threshold'], '30')
  assert.ok(Array.isArray(v.QualityControlItemSet))
  assert.deepEqual(v.QualityControlItemSet, [{ Type: 'Blur', Switch: 'ON' }, { Type: 'Noise', Threshold: '30' }])
  // Emptying a row keeps the row (a hole would shift every later row).
  v = setAt(v, ['QualityControlItemSet', '0', 'Type'], undefined)
  v = setAt(v, ['QualityControlItemSet', '0', 'Switch'], undefined)
  assert.deepEqual(v.QualityControlItemSet, [{}, { Type: 'Noise', Threshold: '30' }])
  assert.deepEqual(moveRow(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b'])
  assert.deepEqual(moveRow(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c'])
  const rows = ['a', 'b']
  assert.equal(moveRow(rows, 0, -1), rows)
  assert.equal(moveRow(rows, 1, 1), rows)
})

test('an error on a list item field names the list; QC items come from the presets, watermarks label their templates', async () => {
  const { qcItemOptions, templateOptions, nodeOptionSchemas } = await import('../node_modules/.tmp/test-build/forms/schema.js')
  const qc = templateSchemas.QualityControl
  assert.deepEqual(fieldForError(qc, 'InvalidParameterValue.Type', 'unknown item Foo'), ['QualityControlItemSet'])
  assert.deepEqual(fieldForError(qc, 'InvalidParameterValue.IntervalTime', 'x'), ['QualityControlItemSet'])
  assert.deepEqual(fieldForError(qc, 'InvalidParameterValue.Name', 'x'), ['Name'])
  assert.deepEqual(fieldForError(nodeOptionSchemas.TranscodeTask, 'InvalidParameterValue.WatermarkSet', 'x'), ['WatermarkSet'])
  // Definition is the node's template too: not pinned on the watermark list.
  assert.equal(fieldForError(nodeOptionSchemas.TranscodeTask, 'InvalidParameterValue.Definition', 'x'), null)
  const options = qcItemOptions([
    { Definition: 10, Type: 'Preset', QualityControlItemSet: [{ Type: 'SolidColorScreen' }, { Type: 'Blur' }] },
    { Definition: 40, Type: 'Preset', QualityControlItemSet: [{ Type: 'Blur' }, { Type: 'Freeze' }] },
    { Definition: 10001, Type: 'Custom', QualityControlItemSet: [{ Type: 'NotFromAPreset' }] },
  ])
  assert.deepEqual(options.map((o) => o.value), ['Blur', 'Freeze', 'SolidColorScreen'])
  assert.deepEqual(templateOptions([{ Definition: 10001, Name: 'logo', Type: 'Custom' }, { Definition: 1, Name: 'p', Type: 'Preset' }]),
    [{ value: 10001, label: '10001 · logo' }, { value: 1, label: '1 · p (preset)' }])
})

test('SmartErase: only the chosen EraseType\'s config is shown and kept; its errors land on the visible field', async () => {
  const { isShown, pruneHidden } = await import('../node_modules/.tmp/test-build/forms/schema.js')
  const se = templateSchemas.SmartErase
  const byName = (name) => se.find((f) => f.name === name)
  assert.equal(isShown(byName('EraseWatermarkConfig'), { EraseType: 'watermark' }), true)
  assert.equal(isShown(byName('EraseSubtitleConfig'), { EraseType: 'watermark' }), false)
  // Switching the type drops the other type's config (the server refuses it by name) and, within a config, the
  // areas of the method not chosen; rows of the lists that stay are kept as they are.
  const value = {
    Name: 'e', EraseType: 'subtitle',
    EraseWatermarkConfig: { WatermarkEraseMethod: 'custom', CustomAreas: [{ BeginMs: 0, EndMs: 0, Areas: [{ Unit: 1, RightBottomX: 0.5, RightBottomY: 0.5 }] }] },
    EraseSubtitleConfig: { SubtitleEraseMethod: 'custom', AutoAreas: [{ Unit: 1 }], CustomAreas: [{ BeginMs: 100, EndMs: 900, Areas: [{ Unit: 2, RightBottomX: 64, RightBottomY: 32 }] }] },
  }
  assert.deepEqual(pruneHidden(se, value), {
    Name: 'e', EraseType: 'subtitle',
    EraseSubtitleConfig: { SubtitleEraseMethod: 'custom', CustomAreas: [{ BeginMs: 100, EndMs: 900, Areas: [{ Unit: 2, RightBottomX: 64, RightBottomY: 32 }] }] },
  })
  const shown = pruneHidden(se, value)
  assert.equal(pruneHidden(se, shown), shown, 'nothing hidden: the same object')
  assert.deepEqual(fieldForError(se, 'InvalidParameterValue.SubtitleModel', 'x', shown), ['EraseSubtitleConfig', 'SubtitleModel'])
  assert.deepEqual(fieldForError(se, 'InvalidParameterValue.EraseArea', 'x', shown), ['EraseSubtitleConfig', 'CustomAreas'])
  assert.deepEqual(fieldForError(se, 'InvalidParameterValue.EraseTimeArea', 'x', shown), ['EraseSubtitleConfig', 'CustomAreas'])
  const privacy = { Name: 'p', EraseType: 'privacy', ErasePrivacyConfig: { PrivacyModel: 'blur' } }
  assert.deepEqual(fieldForError(se, 'InvalidParameterValue.PrivacyTargets', 'x', privacy), ['ErasePrivacyConfig', 'PrivacyTargets'])
  assert.deepEqual(fieldForError(se, 'InvalidParameterValue.EraseType', 'x', privacy), ['EraseType'])
  // Not offered: what the server refuses.
  const all = JSON.stringify(se)
  for (const refused of ['OcrSwitch', 'TransSwitch', 'SubtitleEmbedId', 'advanced', 'plate']) assert.ok(!all.includes(`"${refused}"`), refused)
})

test('node options: a mosaic or watermark error goes to the list the message names, a node offset to the node field', async () => {
  const { nodeOptionSchemas, parseValues } = await import('../node_modules/.tmp/test-build/forms/schema.js')
  const t = nodeOptionSchemas.TranscodeTask
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.XPos', 'Activities[1]: TranscodeTask.MosaicSet[1].XPos \'x\' must be N% (0..100) or Npx', {}), ['MosaicSet'])
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.EndTimeOffset', 'Activities[1]: TranscodeTask.MosaicSet[0].EndTimeOffset must be after StartTimeOffset', {}), ['MosaicSet'])
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.EndTimeOffset', 'Activities[1]: TranscodeTask.WatermarkSet[0].EndTimeOffset must be after StartTimeOffset', {}), ['WatermarkSet'])
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.StartTimeOffset', 'Activities[1]: StartTimeOffset beyond the end', {}), ['StartTimeOffset'])
  assert.deepEqual(fieldForError(t, 'InvalidParameterValue.MosaicSet', 'at most 10 regions', {}), ['MosaicSet'])
  const mosaic = t.find((f) => f.name === 'MosaicSet')
  assert.deepEqual(mosaic.item.map((f) => f.name), ['CoordinateOrigin', 'XPos', 'YPos', 'Width', 'Height', 'StartTimeOffset', 'EndTimeOffset'])
  assert.deepEqual(mosaic.item[0].options.map((o) => o.value), ['TopLeft'])
  // Screenshots take no per-task watermark text.
  const snapshotMarks = nodeOptionSchemas.SnapshotByTimeOffsetTask.find((f) => f.name === 'WatermarkSet')
  assert.ok(!snapshotMarks.item.some((f) => f.name === 'TextContent'))
  assert.deepEqual(parseValues('10%, 2.5s,, 100% '), ['10%', '2.5s', '100%'])
  assert.deepEqual(parseValues('0, 2.5, x', true), [0, 2.5, 'x'])
})
