// DescribeUsageData through the official Node MPS SDK (docs/usage.md): after an ad-hoc task with a transcode and a
// sprite, the usage per day equals the output's seconds and the sprite's sheet count; our MfResourceIds filter passes
// through the SDK; a reversed range is refused naming EndTime.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { makeMedia } from './support/server.mjs';
import { startServerWithBucket, cosCall, waitForFinish } from './support/clients.mjs';

let server, mps, cos, bucket, work;
const region = 'ap-guangzhou';

before(async () => {
  ({ server, mps, cos, bucket, work } = await startServerWithBucket('usage', region));
});

after(async () => {
  await server?.stop();
});

const day = (offsetDays) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
const total = (items) => items.reduce((sum, i) => ({ Count: sum.Count + i.Count, Usage: sum.Usage + i.Usage }), { Count: 0, Usage: 0 });

test('DescribeUsageData: seconds and images of a finished task, in the spec shape', async () => {
  const source = makeMedia(join(work, 'clip.mp4'), { seconds: 2, size: '320x240' });
  await cosCall(cos, 'sliceUploadFile', { Bucket: bucket, Region: region, Key: 'in/clip.mp4', FilePath: source });
  const { TaskId } = await mps.ProcessMedia({
    InputInfo: { Type: 'COS', CosInputInfo: { Bucket: bucket, Region: region, Object: '/in/clip.mp4' } },
    OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
    OutputDir: '/usage/',
    ResourceId: 'sdk-centre',
    Activities: [
      { ActivityType: 'input', ReardriveIndex: [1, 2] },
      { ActivityType: 'action-trans', ReardriveIndex: [3], ActivityPara: { TranscodeTask: { Definition: 100010 } } },
      { ActivityType: 'action-image-sprite', ReardriveIndex: [3], ActivityPara: { ImageSpriteTask: { Definition: 10 } } },
      { ActivityType: 'output' },
    ],
  });
  const detail = await waitForFinish(mps, TaskId);
  const transcode = detail.ScheduleTask.ActivityResultSet[0].ActivityResItem.TranscodeTask;
  assert.equal(transcode.Status, 'SUCCESS', JSON.stringify(transcode));

  const range = { StartTime: `${day(-1)}T00:00:00Z`, EndTime: `${day(1)}T00:00:00Z` };
  const usage = await mps.DescribeUsageData({ ...range, Types: ['Transcode', 'Snapshot'] });

  assert.deepEqual(usage.Data.map((d) => d.TaskType), ['Transcode', 'Snapshot']);
  const [transcoding, snapshots] = usage.Data;
  assert.equal(transcoding.Summary.length, 3);
  assert.deepEqual(transcoding.Summary.map((s) => s.Time), [day(-1), day(0), day(1)].map((d) => `${d}T00:00:00+00:00`));
  assert.equal(total(transcoding.Summary).Count, 1);
  assert.ok(Math.abs(total(transcoding.Summary).Usage - transcode.Output.Duration) < 0.002, `${total(transcoding.Summary).Usage} vs ${transcode.Output.Duration}`);
  assert.deepEqual(transcoding.Details.map((d) => d.Specification), ['Standard.H264.SD']);
  assert.deepEqual(snapshots.Details.map((d) => d.Specification), ['ImageSprite']);
  assert.deepEqual(total(snapshots.Summary), { Count: 1, Usage: 1 });

  const elsewhere = await mps.DescribeUsageData({ ...range, Types: ['Transcode'], MfResourceIds: ['another-centre'] });
  assert.equal(total(elsewhere.Data[0].Summary).Count, 0);
  const ours = await mps.DescribeUsageData({ ...range, MfResourceIds: ['sdk-centre'] });
  assert.equal(ours.Data[0].TaskType, 'Transcode');
  assert.equal(total(ours.Data[0].Summary).Count, 1);
});

test('DescribeUsageData: EndTime before StartTime is refused', async () => {
  await assert.rejects(mps.DescribeUsageData({ StartTime: `${day(0)}T00:00:00+08:00`, EndTime: `${day(-2)}T00:00:00+08:00` }),
    (e) => e.code === 'InvalidParameterValue.EndTime');
});
