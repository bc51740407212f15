// The screenshot families through the official SDKs: template CRUD with the Node MPS SDK for every family this build
// stores, then ProcessMedia with a custom time-offset snapshot template and an image sprite, the images fetched back
// with the COS SDK and checked with ffprobe, the WebVTT index read back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeMedia, ffprobe } from './support/server.mjs';
import { startServerWithBucket, cosCall, waitForFinish } from './support/clients.mjs';

let server, mps, cos, bucket, work;
const region = 'ap-guangzhou';

before(async () => {
  ({ server, mps, cos, bucket, work } = await startServerWithBucket('images', region));
});

after(async () => {
  await server?.stop();
});

test('template families: Create/Describe/Modify/Delete through the official SDK', async () => {
  const families = {
    SnapshotByTimeOffset: { Name: 'sdk-snap', Width: 320, Format: 'png', FillType: 'white' },
    SampleSnapshot: { Name: 'sdk-sample', SampleType: 'Time', SampleInterval: 2, Format: 'jpg' },
    ImageSprite: { Name: 'sdk-sprite', SampleType: 'Percent', SampleInterval: 10, RowCount: 2, ColumnCount: 5, Width: 128, Height: 72 },
    AnimatedGraphics: { Name: 'sdk-gif', Fps: 8, Width: 240, Format: 'gif', Quality: 70 },
    AdaptiveDynamicStreaming: {
      Name: 'sdk-abr', Format: 'HLS',
      StreamInfos: [{ Video: { Codec: 'h264', Fps: 25, Bitrate: 400, Height: 360 }, Audio: { Codec: 'aac', Bitrate: 64, SampleRate: 44100 } }],
    },
  };
  for (const [family, body] of Object.entries(families)) {
    const { Definition } = await mps[`Create${family}Template`](body);
    assert.ok(Definition >= 10000, `${family}: custom Definition ${Definition}`);
    const listed = await mps[`Describe${family}Templates`]({ Definitions: [Definition] });
    assert.equal(listed.TotalCount, 1, family);
    assert.equal(listed[`${family}TemplateSet`][0].Name, body.Name);
    assert.equal(listed[`${family}TemplateSet`][0].Type, 'Custom');
    await mps[`Modify${family}Template`]({ Definition, Comment: 'by the SDK' });
    assert.equal((await mps[`Describe${family}Templates`]({ Definitions: [Definition] }))[`${family}TemplateSet`][0].Comment, 'by the SDK');
    await mps[`Delete${family}Template`]({ Definition });
    await assert.rejects(mps[`Delete${family}Template`]({ Definition }), (e) => e.code === 'ResourceNotFound.TemplateNotExist');
  }

  const presets = await mps.DescribeImageSpriteTemplates({ Type: 'Preset' });
  assert.ok(presets.ImageSpriteTemplateSet.some((t) => t.Definition === 10 && t.Width === 142 && t.Height === 80));
  await assert.rejects(mps.ModifySnapshotByTimeOffsetTemplate({ Definition: 10, Name: 'x' }), (e) => e.code === 'InvalidParameterValue.ModifyDefaultTemplate');
  await assert.rejects(mps.CreateSampleSnapshotTemplate({ SampleType: 'Percent', SampleInterval: 500 }), (e) => e.code === 'InvalidParameterValue.SampleInterval');
});

test('ProcessMedia: custom snapshot template and sprite preset, images fetched with the COS SDK', async () => {
  const source = makeMedia(join(work, 'clip.mp4'), { seconds: 3, size: '320x240' });
  await cosCall(cos, 'sliceUploadFile', { Bucket: bucket, Region: region, Key: 'in/clip.mp4', FilePath: source });
  const { Definition } = await mps.CreateSnapshotByTimeOffsetTemplate({ Width: 160, Height: 160, FillType: 'black', Format: 'png' });

  const { TaskId } = await mps.ProcessMedia({
    InputInfo: { Type: 'COS', CosInputInfo: { Bucket: bucket, Region: region, Object: '/in/clip.mp4' } },
    OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
    OutputDir: '/images/',
    Activities: [
      { ActivityType: 'input', ReardriveIndex: [1, 2] },
      { ActivityType: 'action-snapshotByTimeOffset', ReardriveIndex: [3], ActivityPara: { SnapshotByTimeOffsetTask: { Definition, ExtTimeOffsetSet: ['1s', '100%'] } } },
      { ActivityType: 'action-image-sprite', ReardriveIndex: [3], ActivityPara: { ImageSpriteTask: { Definition: 10 } } },
      { ActivityType: 'output' },
    ],
  });
  const detail = await waitForFinish(mps, TaskId);

  const [snapshot, sprite] = detail.ScheduleTask.ActivityResultSet;
  assert.equal(snapshot.ActivityType, 'SnapshotByTimeOffset');
  assert.equal(snapshot.ActivityResItem.SnapshotByTimeOffsetTask.Status, 'SUCCESS', JSON.stringify(snapshot));
  const pictures = snapshot.ActivityResItem.SnapshotByTimeOffsetTask.Output.PicInfoSet;
  assert.deepEqual(pictures.map((p) => p.Path), [`/images/clip_snapshotByTimeOffset_${Definition}_0.png`, `/images/clip_snapshotByTimeOffset_${Definition}_1.png`]);
  assert.equal(pictures[0].TimeOffset, 1);
  assert.equal(pictures[1].TimeOffset, 2.96);
  for (const picture of pictures) {
    const { Body } = await cosCall(cos, 'getObject', { Bucket: bucket, Region: region, Key: picture.Path.slice(1) });
    const file = join(work, picture.Path.split('/').at(-1));
    writeFileSync(file, Body);
    const stream = ffprobe(file).streams[0];
    assert.deepEqual([stream.codec_name, stream.width, stream.height], ['png', 160, 160]);
  }

  assert.equal(sprite.ActivityType, 'ImageSprites');
  const output = sprite.ActivityResItem.ImageSpriteTask.Output;
  assert.equal(output.WebVttPath, '/images/clip_imageSprite_10.vtt');
  const { Body: vtt } = await cosCall(cos, 'getObject', { Bucket: bucket, Region: region, Key: 'images/clip_imageSprite_10.vtt' });
  assert.equal(vtt.toString(), 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nclip_imageSprite_10_0.jpg#xywh=0,0,142,80\n');
});
