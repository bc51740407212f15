// IF nodes (action-exec-rules) through the official SDKs: CreateSchedule with rules whose raw strings DescribeSchedules
// returns unchanged, a key no ancestor produces refused naming the node and key, and ProcessMedia on two sources
// taking the expected branch, the decision (MfMatchedRule, MfEvaluations) and the skipped branch in DescribeTaskDetail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { makeMedia } from './support/server.mjs';
import { startServerWithBucket, cosCall, waitForFinish } from './support/clients.mjs';

let server, mps, cos, bucket, work;
const region = 'ap-guangzhou';

before(async () => {
  ({ server, mps, cos, bucket, work } = await startServerWithBucket('ifnode', region));
});

after(async () => {
  await server?.stop();
});

// input → IF(1): [Width >= 300 && HasAudio] → audio rendition (2), else → H.264 preset (3, runs on a silent source) → output.
function activities(rules) {
  return [
    { ActivityType: 'input', ReardriveIndex: [1] },
    { ActivityType: 'action-exec-rules', ReardriveIndex: [2, 3], ActivityPara: { ExecRulesTask: { Rules: rules } } },
    { ActivityType: 'action-trans', ReardriveIndex: [4], ActivityPara: { TranscodeTask: { Definition: 1010 } } },
    { ActivityType: 'action-trans', ReardriveIndex: [4], ActivityPara: { TranscodeTask: { Definition: 100010 } } },
    { ActivityType: 'output' },
  ];
}

const rules = [
  { Id: 'wide', Conditions: [{ Key: 'Width', Value: ' >= 300' }, { Key: 'HasAudio', Value: '' }], Linker: '&&', RearDriveIndexs: [2] },
  { Id: 'else', Conditions: [], RearDriveIndexs: [3] },
];

test('CreateSchedule with an IF node: raw strings round-trip, a key no ancestor produces is refused', async () => {
  const schedule = {
    ScheduleName: 'if-node',
    Trigger: { Type: 'CosFileUpload', CosFileUploadTrigger: { Bucket: bucket, Region: region, Dir: '/if/' } },
    Activities: activities(rules),
  };
  const { ScheduleId } = await mps.CreateSchedule(schedule);
  const described = await mps.DescribeSchedules({ ScheduleIds: [ScheduleId] });
  assert.deepEqual(described.ScheduleInfoSet[0].Activities[1].ActivityPara.ExecRulesTask.Rules, rules);

  await assert.rejects(
    mps.CreateSchedule({ ...schedule, ScheduleName: 'if-node-bad', Activities: activities([{ Conditions: [{ Key: 'Blur', Value: 'true' }], RearDriveIndexs: [2] }]) }),
    (e) => e.code === 'InvalidParameterValue' && e.message.startsWith("Activities[1]: Rules[0].Conditions[0].Key 'Blur'"));
  await assert.rejects(
    mps.ModifySchedule({ ScheduleId, Activities: activities([{ Conditions: [{ Key: 'Width', Value: '=>300' }], RearDriveIndexs: [2] }]) }),
    (e) => e.code === 'InvalidParameterValue' && e.message.includes("Value '=>300'"));
});

for (const [name, media, matched, ran, skipped] of [
  ['wide.mp4', { size: '320x240' }, 0, 2, 3],
  ['narrow.mp4', { size: '160x120', audio: false }, 1, 3, 2],
]) {
  test(`ProcessMedia with an IF node on ${name}: Rules[${matched}] wins, Activities[${skipped}] is skipped`, async () => {
    const source = makeMedia(join(work, name), { seconds: 1, ...media });
    await cosCall(cos, 'sliceUploadFile', { Bucket: bucket, Region: region, Key: `in/${name}`, FilePath: source });
    const { TaskId } = await mps.ProcessMedia({
      InputInfo: { Type: 'COS', CosInputInfo: { Bucket: bucket, Region: region, Object: `/in/${name}` } },
      OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
      OutputDir: '/if-out/',
      Activities: activities(rules),
    });
    const detail = await waitForFinish(mps, TaskId);
    const byIndex = Object.fromEntries(detail.ScheduleTask.ActivityResultSet.map((r) => [r.MfActivityIndex, r]));

    assert.equal(byIndex[1].ActivityType, 'ExecRules');
    const decision = byIndex[1].ActivityResItem.ExecRuleTask;
    assert.equal(decision.Status, 'SUCCESS', JSON.stringify(decision));
    assert.equal(decision.MfMatchedRule, matched);
    assert.deepEqual(decision.Output.RearDriveIndex, [ran]);
    assert.equal(decision.MfEvaluations[0].Key, 'Width');
    assert.equal(decision.MfEvaluations[0].Actual, name === 'wide.mp4' ? '320' : '160');
    assert.equal(decision.MfEvaluations[1].Actual, name === 'wide.mp4' ? 'true' : 'false');
    assert.equal(byIndex[ran].ActivityResItem.TranscodeTask.Status, 'SUCCESS', JSON.stringify(byIndex[ran]));
    assert.equal(byIndex[skipped].ActivityResItem.TranscodeTask.Status, 'SKIPPED');
    assert.equal(byIndex[skipped].ActivityResItem.TranscodeTask.Message, 'branch not selected by Activities[1]');
  });
}
