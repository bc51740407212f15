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
