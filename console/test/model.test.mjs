// The canvas model's round trip (node --test): a schedule → canvas → schedule gives the same Activities, IF rules
// included (the browser scenario also round-trips one through the API), and the IF key list.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { conditionKeysFor, fromSchedule, toActivities, toLayout, nodeOfError, nextOrder, ordered } from '../node_modules/.tmp/test-build/editor/model.js'

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

test('an IF node offers the source keys and the condition keys of the node types above it, not of those beside or below', () => {
  const catalog = [
    { ActivityType: 'action-trans', ConditionKeys: [] },
    { ActivityType: 'action-AIQualityControl', ConditionKeys: ['Blur', 'SSIM'] },
    { ActivityType: 'action-aiReview', ConditionKeys: ['ReviewSuggestion'] },
  ]
  const node = (id, activityType) => ({ id, data: { activityType } })
  const nodes = [node('n0', 'input'), node('a', 'action-trans'), node('qc', 'action-AIQualityControl'), node('if', 'action-exec-rules'), node('rev', 'action-aiReview'), node('out', 'output')]
  const edge = (source, target) => ({ id: `${source}-${target}`, source, target })
  const edges = [edge('n0', 'a'), edge('a', 'qc'), edge('qc', 'if'), edge('if', 'rev'), edge('n0', 'rev'), edge('rev', 'out')]
  assert.deepEqual(conditionKeysFor('if', nodes, edges, catalog, ['Width', 'HasAudio']), ['Width', 'HasAudio', 'Blur', 'SSIM'])
  assert.deepEqual(conditionKeysFor('a', nodes, edges, catalog, ['Width']), ['Width'])
  assert.ok(conditionKeysFor('if', nodes, edges, catalog, []).includes('Container'), 'falls back to the known source keys')
})
