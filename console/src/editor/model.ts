// The canvas ⇄ schedule translation (pure functions). A schedule's Activities become React Flow nodes and edges and
// back again in the same order, with every ActivityPara field kept, so whatever the API can express survives a save.
import type { Edge, Node } from '@xyflow/react'
import type { NodeType, Wire } from '../api'

export interface Rule {
  key: string
  raw: Wire
  linker: string | undefined
  conditions: { Key: string; Value: string }[]
  targets: string[]
  isElse: boolean
}

export interface NodeData extends Record<string, unknown> {
  activityType: string
  paraMember: string | null
  para: Wire
  rules: Rule[]
  order: number
  error: string | null
  /** Display only ("Transcode #3": its Activities index); never saved. */
  name?: string
}

export type FlowNode = Node<NodeData>

export interface Settings {
  ScheduleName: string
  Trigger: Wire
  OutputStorage: Wire
  OutputDir: string
  TaskNotifyConfig: Wire
  ResourceId: string
}

let seq = 0
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(seq++).toString(36)}`

export const isIf = (type: string) => type === 'action-exec-rules'

export function label(type: string): string {
  const names: Record<string, string> = {
    input: 'Input', output: 'Output', 'action-trans': 'Transcode', 'action-adaptive-substream': 'Adaptive streaming',
    'action-snapshotByTimeOffset': 'Snapshots', 'action-samplesnapshot': 'Sampled snapshots', 'action-image-sprite': 'Sprite',
    'action-animated-graphics': 'Animated graphics', 'action-AIQualityControl': 'Quality inspection', 'action-exec-rules': 'IF',
    'action-aiReview': 'AI content review', 'action-AIAnalysis': 'AI analysis', 'action-AIRecognition': 'AI recognition',
    'action-SmartSubtitles': 'Smart subtitles', 'action-SmartErase': 'Smart erase',
  }
  return names[type] ?? type.replace(/^action-/, '')
}

function makeNode(id: string, type: string, order: number, x: number, y: number, paraMember: string | null, para: Wire): FlowNode {
  return { id, type: 'media', position: { x, y }, data: { activityType: type, paraMember, para, rules: [], order, error: null } }
}

export function newActionNode(type: NodeType, order: number, x: number, y: number): FlowNode {
  const para: Wire = isIf(type.ActivityType) ? {} : type.TemplateFamily ? { Definition: undefined } : {}
  return makeNode(newId('n'), type.ActivityType, order, x, y, type.ActivityParaMember, para)
}

export function blankGraph(): { nodes: FlowNode[]; edges: Edge[] } {
  return {
    nodes: [makeNode('n0', 'input', 0, 40, 200, null, null), makeNode('n-out', 'output', 1_000_000, 900, 200, null, null)],
    edges: [],
  }
}

function parseLayout(layout: string | undefined): Record<string, [number, number]> | null {
  if (!layout) return null
  try {
    const parsed = JSON.parse(layout)
    return parsed && typeof parsed.positions === 'object' ? parsed.positions : null
  } catch {
    return null
  }
}

/** Columns by longest path from the input, rows in Activities order: the layout of a schedule drawn elsewhere. */
function autoLayout(activities: Wire[]): [number, number][] {
  const depth = activities.map(() => 0)
  for (let pass = 0; pass < activities.length; pass++) {
    activities.forEach((a, i) => (a.ReardriveIndex ?? []).forEach((j: number) => { if (depth[j] < depth[i] + 1) depth[j] = depth[i] + 1 }))
  }
  const rows = new Map<number, number>()
  return activities.map((_, i) => {
    const row = rows.get(depth[i]) ?? 0
    rows.set(depth[i], row + 1)
    return [40 + depth[i] * 240, 60 + row * 130]
  })
}

export function fromSchedule(schedule: Wire): { nodes: FlowNode[]; edges: Edge[]; settings: Settings } {
  const activities: Wire[] = schedule.Activities ?? []
  const positions = parseLayout(schedule.MfCanvasLayout)
  const fallback = autoLayout(activities)
  const ids = activities.map((a, i) => (a.ActivityType === 'input' ? 'n0' : a.ActivityType === 'output' ? 'n-out' : `n${i}`))
  const nodes = activities.map((a, i) => {
    const [x, y] = positions?.[String(i)] ?? fallback[i]
    const member = a.ActivityPara ? Object.keys(a.ActivityPara)[0] ?? null : null
    const para = member ? structuredClone(a.ActivityPara[member]) : null
    const node = makeNode(ids[i], a.ActivityType, i, x, y, member, para)
    if (isIf(a.ActivityType) && para) {
      node.data.rules = (para.Rules ?? []).map((r: Wire) => ({
        key: newId('r'), raw: r, linker: r.Linker, conditions: (r.Conditions ?? []).map((c: Wire) => ({ Key: c.Key ?? '', Value: c.Value ?? '' })),
        targets: (r.RearDriveIndexs ?? []).map((t: number) => ids[t]).filter(Boolean), isElse: (r.Conditions ?? []).length === 0,
      }))
      delete para.Rules
    }
    return node
  })
  const edges: Edge[] = []
  activities.forEach((a, i) => (a.ReardriveIndex ?? []).forEach((j: number) => {
    if (ids[j]) edges.push({ id: `e-${ids[i]}-${ids[j]}`, source: ids[i], target: ids[j] })
  }))
  return {
    nodes,
    edges,
    settings: {
      ScheduleName: schedule.ScheduleName ?? '',
      Trigger: schedule.Trigger ?? { Type: 'CosFileUpload', CosFileUploadTrigger: {} },
      OutputStorage: schedule.OutputStorage ?? null,
      OutputDir: schedule.OutputDir ?? '',
      TaskNotifyConfig: schedule.TaskNotifyConfig ?? null,
      ResourceId: schedule.ResourceId ?? '',
    },
  }
}

/** Activities order: by each node's order (its index when loaded; new nodes just before a trailing output). */
export function ordered(nodes: FlowNode[]): FlowNode[] {
  return [...nodes].sort((a, b) => a.data.order - b.data.order)
}

function stripUndefined(value: Wire): Wire {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value))
}

export function toActivities(nodes: FlowNode[], edges: Edge[]): Wire[] {
  const sorted = ordered(nodes)
  const index = new Map(sorted.map((n, i) => [n.id, i]))
  return sorted.map((n) => {
    const activity: Wire = { ActivityType: n.data.activityType, ReardriveIndex: edges.filter((e) => e.source === n.id).map((e) => index.get(e.target)!) }
    if (n.data.paraMember) {
      const para = stripUndefined(n.data.para) ?? {}
      if (isIf(n.data.activityType)) {
        para.Rules = n.data.rules.map((r) => {
          const rule: Wire = { ...r.raw, Conditions: r.isElse ? [] : r.conditions.map((c) => ({ Key: c.Key, Value: c.Value })), RearDriveIndexs: r.targets.filter((t) => index.has(t)).map((t) => index.get(t)!) }
          if (r.linker === undefined) delete rule.Linker
          else rule.Linker = r.linker
          return rule
        })
      }
      activity.ActivityPara = { [n.data.paraMember]: para }
    }
    return activity
  })
}

export function toLayout(nodes: FlowNode[]): string {
  const positions: Record<string, [number, number]> = {}
  ordered(nodes).forEach((n, i) => { positions[String(i)] = [Math.round(n.position.x), Math.round(n.position.y)] })
  return JSON.stringify({ version: 1, positions })
}

/** `Activities[3]: …` → the node drawn for index 3. */
export function nodeOfError(message: string, nodes: FlowNode[]): string | null {
  const match = /^Activities\[(\d+)\]/.exec(message)
  return match ? ordered(nodes)[Number(match[1])]?.id ?? null : null
}

/** The order a new node takes: after every action node, before an output that comes last. */
export function nextOrder(nodes: FlowNode[]): number {
  const sorted = ordered(nodes)
  const last = sorted[sorted.length - 1]
  if (last?.data.activityType === 'output') {
    const before = sorted[sorted.length - 2]?.data.order ?? 0
    return before + (last.data.order - before) / 1024
  }
  return (last?.data.order ?? 0) + 1
}

export const metadataKeys = ['Width', 'Height', 'Duration', 'Bitrate', 'Fps', 'VideoCodec', 'AudioCodec', 'Container', 'HasAudio', 'HasVideo']

/**
 * The keys an IF node can test: the source's (`SourceConditionKeys`, else {@link metadataKeys}) and the
 * `ConditionKeys` of every node type above it on the canvas (walking edges up to the input), as the server checks
 * at save (docs/if-conditions.md). Source keys first, then the ancestors' nearest first.
 */
export function conditionKeysFor(nodeId: string, nodes: FlowNode[], edges: Edge[], catalog: NodeType[], sourceKeys: string[]): string[] {
  const keys = new Set(sourceKeys.length > 0 ? sourceKeys : metadataKeys)
  const seen = new Set<string>([nodeId])
  let frontier = [nodeId]
  while (frontier.length > 0) {
    const parents = edges.filter((e) => frontier.includes(e.target) && !seen.has(e.source)).map((e) => e.source)
    frontier = [...new Set(parents)]
    for (const id of frontier) {
      seen.add(id)
      const type = nodes.find((n) => n.id === id)?.data.activityType
      for (const key of catalog.find((c) => c.ActivityType === type)?.ConditionKeys ?? []) keys.add(key)
    }
  }
  return [...keys]
}

export const formatPresets: Record<string, string[]> = {
  video: ['mp4', 'mov', 'mkv', 'avi', 'flv', 'webm', 'ts', 'm4v', 'mxf'],
  audio: ['mp3', 'aac', 'm4a', 'wav', 'flac', 'ogg'],
}
