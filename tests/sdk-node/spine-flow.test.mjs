// The spine end to end through the official SDKs: CreateSchedule → EnableSchedule → sliceUploadFile and putObject
// (cos-nodejs-sdk-v5) → DescribeTasks / DescribeTaskDetail until FINISH → outputs fetched and checked with ffprobe →
// the callback received with its Sign verified. Plus the bad uploads of the issue, each a FAIL node with a clear code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, makeMedia, ffprobe } from './support/server.mjs';
import { mpsClient, cosClient, cosCall, waitForFinish } from './support/clients.mjs';

let server, mps, cos, bucket, callbacks, receiver, work;
const region = 'ap-guangzhou';
const notifyKey = 'node-test-key';

before(async () => {
  server = await startServer();
  mps = mpsClient(server);
  cos = cosClient(server);
  bucket = `media-${server.appId}`;
  work = mkdtempSync(join(tmpdir(), 'mf-media-'));
  await cosCall(cos, 'putBucket', { Bucket: bucket, Region: region });
  callbacks = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      callbacks.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
});

after(async () => {
  receiver?.close();
  await server?.stop();
});

function schedule(name, dir) {
  return {
    ScheduleName: name,
    Trigger: { Type: 'CosFileUpload', CosFileUploadTrigger: { Bucket: bucket, Region: region, Dir: dir, Formats: ['mp4', 'm4a'] } },
    Activities: [
      { ActivityType: 'input', ReardriveIndex: [1, 2] },
      { ActivityType: 'action-trans', ReardriveIndex: [3], ActivityPara: { TranscodeTask: { Definition: 100010 } } },
      { ActivityType: 'action-trans', ReardriveIndex: [3], ActivityPara: { TranscodeTask: { Definition: 1010 } } },
      { ActivityType: 'output' },
    ],
    OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
    OutputDir: `/out${dir}`,
    TaskNotifyConfig: { NotifyType: 'URL', NotifyUrl: `http://127.0.0.1:${receiver.address().port}/cb`, NotifyKey: notifyKey, NotifyMode: 'Finish' },
  };
}

async function tasksFor(keys, timeoutMs = 180000) {
  const start = Date.now();
  for (;;) {
    const res = await mps.DescribeTasks({ Status: 'FINISH', Limit: 100 });
    const found = [];
    for (const t of res.TaskSet) {
      const detail = await mps.DescribeTaskDetail({ TaskId: t.TaskId });
      if (keys.includes(detail.ScheduleTask.InputInfo.CosInputInfo.Object)) found.push(detail);
    }
    if (found.length >= keys.length) return found;
    assert.ok(Date.now() - start < timeoutMs, `tasks for ${keys} did not finish`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

test('an upload after EnableSchedule runs the DAG, writes the outputs and calls back with a valid Sign', async () => {
  const created = await mps.CreateSchedule(schedule('spine-flow', '/in/'));
  assert.ok(created.ScheduleId > 0);
  const described = await mps.DescribeSchedules({ ScheduleIds: [created.ScheduleId] });
  assert.equal(described.ScheduleInfoSet[0].Status, 'Disabled');
  assert.deepEqual(described.ScheduleInfoSet[0].Activities[3].PredriveIndex, [1, 2]);

  // Uploaded before enabling: must not start a task.
  const early = makeMedia(join(work, 'early.mp4'));
  await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: 'in/early.mp4', Body: readFileSync(early) });

  await mps.EnableSchedule({ ScheduleId: created.ScheduleId });
  await assert.rejects(mps.ModifySchedule({ ScheduleId: created.ScheduleId, ScheduleName: 'renamed' }), { code: 'ResourceInUse' });
  await assert.rejects(mps.DeleteSchedule({ ScheduleId: created.ScheduleId }), { code: 'ResourceInUse' });

  const video = makeMedia(join(work, 'clip.mp4'), { seconds: 3 });
  await cosCall(cos, 'sliceUploadFile', { Bucket: bucket, Region: region, Key: 'in/sliced.mp4', FilePath: video });
  await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: 'in/put.mp4', Body: readFileSync(video) });

  const details = await tasksFor(['/in/sliced.mp4', '/in/put.mp4']);
  for (const detail of details) {
    const task = detail.ScheduleTask;
    assert.equal(task.ErrCode, 0);
    assert.equal(task.MetaData.Width, 320);
    assert.equal(task.ActivityResultSet.length, 2);
    const [mp4, mp3] = task.ActivityResultSet.map((r) => r.ActivityResItem.TranscodeTask);
    assert.equal(mp4.Status, 'SUCCESS', JSON.stringify(mp4));
    assert.equal(mp3.Status, 'SUCCESS', JSON.stringify(mp3));
    const name = task.InputInfo.CosInputInfo.Object.split('/').pop().replace('.mp4', '');
    assert.equal(mp4.Output.Path, `/out/in/${name}_transcode_100010.mp4`);
    assert.equal(mp3.Output.Path, `/out/in/${name}_transcode_1010.mp3`);

    // Fetch the output through the COS SDK and check it with ffprobe: 360p H.264 + AAC, facts as reported.
    const got = await cosCall(cos, 'getObject', { Bucket: bucket, Region: region, Key: mp4.Output.Path.slice(1) });
    const local = join(work, `${name}-out.mp4`);
    writeFileSync(local, got.Body);
    const probe = ffprobe(local);
    const v = probe.streams.find((s) => s.codec_type === 'video');
    assert.equal(v.codec_name, 'h264');
    assert.equal(v.height, 360);
    assert.equal(v.width, mp4.Output.Width);
    assert.equal(Number(probe.format.size), mp4.Output.Size);
    assert.equal(createHash('md5').update(got.Body).digest('hex'), mp4.Output.Md5);
    assert.ok(probe.streams.some((s) => s.codec_type === 'audio' && s.codec_name === 'aac'));
  }

  const tasks = await mps.DescribeTasks({ Status: 'FINISH', Limit: 100 });
  assert.ok(!(await Promise.all(tasks.TaskSet.map((t) => mps.DescribeTaskDetail({ TaskId: t.TaskId }))))
    .some((d) => d.ScheduleTask.InputInfo.CosInputInfo.Object === '/in/early.mp4'), 'an upload before enabling started a task');

  // Callbacks: Finish mode → one per task, signed with MD5(Timestamp + NotifyKey).
  for (let i = 0; i < 100 && callbacks.filter((c) => details.some((d) => d.ScheduleTask.TaskId === c.ScheduleTaskEvent.TaskId)).length < 2; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const mine = callbacks.filter((c) => details.some((d) => d.ScheduleTask.TaskId === c.ScheduleTaskEvent.TaskId));
  assert.equal(mine.length, 2);
  for (const cb of mine) {
    assert.equal(cb.EventType, 'ScheduleTask');
    assert.equal(cb.ScheduleTaskEvent.Status, 'FINISH');
    assert.equal(cb.Sign, createHash('md5').update(`${cb.Timestamp}${notifyKey}`).digest('hex'));
    assert.ok(cb.Timestamp > Date.now() / 1000);
    const parsed = await mps.ParseNotification({ Content: JSON.stringify(cb), MfNotifyKey: notifyKey });
    assert.equal(parsed.ScheduleTaskEvent.TaskId, cb.ScheduleTaskEvent.TaskId);
  }
});

test('bad uploads finish with a FAIL node and a clear ErrCodeExt, and the server keeps serving', async () => {
  const created = await mps.CreateSchedule(schedule('bad-inputs', '/bad/'));
  await mps.EnableSchedule({ ScheduleId: created.ScheduleId });
  const audio = makeMedia(join(work, 'tone.m4a'), { video: false });
  const truncated = readFileSync(makeMedia(join(work, 'whole.mp4'), { seconds: 2 }));
  await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: 'bad/empty.mp4', Body: Buffer.alloc(0) });
  await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: 'bad/text.mp4', Body: Buffer.from('this is not a video\n') });
  await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: 'bad/truncated.mp4', Body: truncated.subarray(0, Math.floor(truncated.length / 3)) });
  await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: 'bad/tone.m4a', Body: readFileSync(audio) });

  const details = await tasksFor(['/bad/empty.mp4', '/bad/text.mp4', '/bad/truncated.mp4', '/bad/tone.m4a']);
  const byKey = Object.fromEntries(details.map((d) => [d.ScheduleTask.InputInfo.CosInputInfo.Object, d.ScheduleTask]));
  for (const key of ['/bad/empty.mp4', '/bad/text.mp4']) {
    const task = byKey[key];
    assert.notEqual(task.ErrCode, 0, key);
    for (const r of task.ActivityResultSet) {
      assert.equal(r.ActivityResItem.TranscodeTask.Status, 'FAIL');
      assert.equal(r.ActivityResItem.TranscodeTask.ErrCodeExt, 'SourceFileError.ContentMalformed');
    }
  }

  // A truncated MP4 fails (at the probe or in ffmpeg) with a source error, never a crash.
  for (const r of byKey['/bad/truncated.mp4'].ActivityResultSet) {
    const node = r.ActivityResItem.TranscodeTask;
    assert.equal(node.Status, 'FAIL', JSON.stringify(node));
    assert.match(node.ErrCodeExt, /^SourceFileError\./);
  }

  // Audio-only into a video transcode: that node FAILs with NoVideoMedia; the mp3 sibling still succeeds.
  const [video, mp3] = byKey['/bad/tone.m4a'].ActivityResultSet.map((r) => r.ActivityResItem.TranscodeTask);
  assert.equal(video.Status, 'FAIL');
  assert.equal(video.ErrCodeExt, 'SourceFileError.NoVideoMedia');
  assert.equal(mp3.Status, 'SUCCESS');

  const stillServing = await mps.DescribeSchedules({});
  assert.ok(stillServing.TotalCount >= 2);
});
