// The canvas model's round trip (node --test): a schedule → canvas → schedule gives the same Activities, IF rules
// included (this build's server refuses IF nodes at save, so the browser tests cannot round-trip one through the API).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fromSchedule, toActivities, toLayout, nodeOfError, nextOrder, ordered } from '../node_modules/.tmp/test-build/editor/model.js'

const withIf = {
  ScheduleName: 'qc-branches',
  Activities: [
    { ActivityType: 'input', ReardriveIndex: [1] },
    { ActivityType: 'action-trans', ReardriveIndex: [2, 6], ActivityPara: { TranscodeTask: { Definition: 100010, OverrideParameter: { Container: 'mp4' } } } },
    { ActivityType: 'action-AIQualityControl', ReardriveIndex: [3], ActivityPara: { QualityControlTask: { Definition: 10, ChannelExtPara: 'x' } } },
    { ActivityType: 'action-exec-rules', ReardriveIndex: [4, 5], ActivityPara: { ExecRulesTask: { Rules: [
      { Id: 'r1', Conditions: [{ Key: 'Blur', Value: 'true' }, { Key: 'Height', Value: '>=720' }], Linker: '||', RearDriveIndexs: [5] },
      { Conditions: [{ Key: 'QualityEvaluationScore', Value: '<60' }], RearDriveIndexs: [4] },
      { Conditions: [], RearDriveIndexs: [5] },
    ] } } },
    { ActivityType: 'action-trans', ReardriveIndex: [6], ActivityPara: { TranscodeTask: { Definition: 100020 } } },
    { ActivityType: 'action-snapshotByTimeOffset', ReardriveIndex: [6], ActivityPara: { SnapshotByTimeOffsetTask: { Definition: 10, ExtTimeOffsetSet: ['1s'] } } },
    { ActivityType: 'output', ReardriveIndex: [] },
  ],
}

test('a schedule with QC and an IF node comes back from the canvas unchanged', () => {
  const { nodes, edges } = fromSchedule(withIf)
  assert.deepEqual(toActivities(nodes, edges), withIf.Activities)
})

test('reordering IF branches changes only the order of Rules', () => {
  const { nodes, edges } = fromSchedule(withIf)
  const ifNode = nodes.find((n) => n.data.activityType === 'action-exec-rules')
  const [first, second, otherwise] = ifNode.data.rules
  ifNode.data.rules = [second, first, otherwise]
  const rules = toActivities(nodes, edges)[3].ActivityPara.ExecRulesTask.Rules
  assert.deepEqual(rules, [withIf.Activities[3].ActivityPara.ExecRulesTask.Rules[1], withIf.Activities[3].ActivityPara.ExecRulesTask.Rules[0], withIf.Activities[3].ActivityPara.ExecRulesTask.Rules[2]])
})

test('the layout is kept by activity index and read back', () => {
  const { nodes } = fromSchedule(withIf)
  nodes[2].position = { x: 123.4, y: 56.7 }
  const layout = toLayout(nodes)
  const again = fromSchedule({ ...withIf, MfCanvasLayout: layout })
  assert.deepEqual(again.nodes[2].position, { x: 123, y: 57 })
})

test('a server error names its node by index', () => {
  const { nodes } = fromSchedule(withIf)
  assert.equal(nodeOfError('Activities[3]: unknown key Foo', nodes), nodes[3].id)
  assert.equal(nodeOfError('Trigger: bucket missing', nodes), null)
})

test('a node added to a loaded schedule goes before its trailing output', () => {
  const { nodes } = fromSchedule(withIf)
  const order = nextOrder(nodes)
  assert.ok(order > 5 && order < 6)
  const sorted = ordered([...nodes, { ...nodes[1], id: 'new', data: { ...nodes[1].data, order } }])
  assert.equal(sorted.at(-1).data.activityType, 'output')
  assert.equal(sorted.at(-2).id, 'new')
})
