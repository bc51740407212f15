// Legacy workflows through the official SDKs: CreateWorkflow / DescribeWorkflows / EnableWorkflow
// (tencentcloud-sdk-nodejs-mps) → putObject (cos-nodejs-sdk-v5) → a WorkflowTask in DescribeTasks whose
// DescribeTaskDetail carries WorkflowTask.MediaProcessResultSet → Disable/DeleteWorkflow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeMedia } from './support/server.mjs';
import { startServerWithBucket, cosCall, waitForFinish } from './support/clients.mjs';

let server, mps, cos, bucket, work;
const region = 'ap-guangzhou';

before(async () => {
  ({ server, mps, cos, bucket, work } = await startServerWithBucket('wf', region));
});

after(async () => {
  await server?.stop();
});

async function workflowTaskId(timeoutMs = 180000) {
  const start = Date.now();
  for (;;) {
    for (const Status of ['WAITING', 'PROCESSING', 'FINISH']) {
      const res = await mps.DescribeTasks({ Status, Limit: 100 });
      const task = res.TaskSet.find((t) => t.TaskType === 'WorkflowTask');
      if (task) return task.TaskId;
    }
    assert.ok(Date.now() - start < timeoutMs, 'no WorkflowTask appeared');
    await new Promise((r) => setTimeout(r, 300));
  }
}

test('an upload after EnableWorkflow runs every task set entry and is reported as a WorkflowTask', async () => {
  const created = await mps.CreateWorkflow({
    WorkflowName: 'sdk-workflow',
    Trigger: { Type: 'CosFileUpload', CosFileUploadTrigger: { Bucket: bucket, Region: region, Dir: '/in/', Formats: ['mp4'] } },
    OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
    OutputDir: '/out/',
    MediaProcessTask: {
      TranscodeTaskSet: [{ Definition: 1010 }],
      SnapshotByTimeOffsetTaskSet: [{ Definition: 10, ExtTimeOffsetSet: ['1s'] }],
    },
  });
  assert.ok(created.WorkflowId > 0);
  const described = await mps.DescribeWorkflows({ WorkflowIds: [created.WorkflowId] });
  assert.equal(described.TotalCount, 1);
  assert.equal(described.WorkflowInfoSet[0].Status, 'Disabled');
  assert.equal(described.WorkflowInfoSet[0].MediaProcessTask.TranscodeTaskSet[0].Definition, 1010);
  const schedules = await mps.DescribeSchedules({ Limit: 100 });
  assert.ok(!(schedules.ScheduleInfoSet ?? []).some((s) => s.ScheduleId === created.WorkflowId), 'a workflow is not a schedule');

  await mps.EnableWorkflow({ WorkflowId: created.WorkflowId });
  const video = makeMedia(join(work, 'clip.mp4'));
  await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: 'in/clip.mp4', Body: readFileSync(video) });

  const taskId = await workflowTaskId();
  assert.match(taskId, new RegExp(`^${server.appId}-WorkflowTask-`));
  const detail = await waitForFinish(mps, taskId);
  assert.equal(detail.TaskType, 'WorkflowTask');
  const results = detail.WorkflowTask.MediaProcessResultSet;
  assert.deepEqual(results.map((r) => r.Type), ['Transcode', 'SnapshotByTimeOffset']);
  assert.equal(results[0].TranscodeTask.Status, 'SUCCESS');
  assert.equal(results[0].TranscodeTask.Output.Path, '/out/clip_transcode_1010.mp3');
  assert.equal(results[1].SnapshotByTimeOffsetTask.Status, 'SUCCESS');
  assert.equal(results[1].SnapshotByTimeOffsetTask.Output.PicInfoSet.length, 1);

  await mps.DisableWorkflow({ WorkflowId: created.WorkflowId });
  await mps.DeleteWorkflow({ WorkflowId: created.WorkflowId });
  assert.equal((await mps.DescribeWorkflows({ WorkflowIds: [created.WorkflowId] })).TotalCount, 0);
});

test('a member the engine cannot run yet is refused with InvalidParameterValue naming it', async () => {
  await assert.rejects(
    mps.CreateWorkflow({
      WorkflowName: 'sdk-ai',
      Trigger: { Type: 'CosFileUpload', CosFileUploadTrigger: { Bucket: bucket, Region: region } },
      MediaProcessTask: { TranscodeTaskSet: [{ Definition: 100010 }] },
      AiAnalysisTask: { Definition: 10 },
    }),
    (e) => e.code === 'InvalidParameterValue.AiAnalysisTask',
  );
});

test('an adaptive streaming task set is accepted and described as sent', async () => {
  const created = await mps.CreateWorkflow({
    WorkflowName: 'sdk-adaptive',
    Trigger: { Type: 'CosFileUpload', CosFileUploadTrigger: { Bucket: bucket, Region: region, Dir: '/abr/' } },
    MediaProcessTask: { AdaptiveDynamicStreamingTaskSet: [{ Definition: 20, SubStreamObjectName: 'rung_{subStreamNumber}.{format}' }] },
  });
  const described = await mps.DescribeWorkflows({ WorkflowIds: [created.WorkflowId] });
  const set = described.WorkflowInfoSet[0].MediaProcessTask.AdaptiveDynamicStreamingTaskSet;
  assert.equal(set[0].Definition, 20);
  assert.equal(set[0].SubStreamObjectName, 'rung_{subStreamNumber}.{format}');
  await mps.DeleteWorkflow({ WorkflowId: created.WorkflowId });
});
