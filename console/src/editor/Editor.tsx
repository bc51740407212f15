import { useCallback, useEffect, useMemo, useState } from 'react'
import type { DragEvent } from 'react'
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, addEdge, applyEdgeChanges, applyNodeChanges, useReactFlow } from '@xyflow/react'
import type { Connection, Edge, EdgeChange, NodeChange } from '@xyflow/react'
import type { NodeType, Wire } from '../api'
import { ApiError, describeNodeTypes, describeSourceConditionKeys, mps } from '../api'
import { go, href } from '../router'
import { ErrorBox, Loading } from '../ui'
import MediaNode from './MediaNode'
import NodePanel from './NodePanel'
import IfPanel from './IfPanel'
import SettingsPanel from './SettingsPanel'
import type { FlowNode, Rule, Settings } from './model'
import { blankGraph, conditionKeysFor, fromSchedule, isIf, label, newActionNode, nextOrder, nodeOfError, ordered, toActivities, toLayout } from './model'

const nodeTypes = { media: MediaNode }

interface Props { scheduleId: number | null; copyFrom: boolean }

export default function Editor(props: Props) {
  return <ReactFlowProvider><Canvas {...props} /></ReactFlowProvider>
}

function Canvas({ scheduleId, copyFrom }: Props) {
  const flow = useReactFlow()
  const [catalog, setCatalog] = useState<NodeType[]>([])
  const [sourceKeys, setSourceKeys] = useState<string[]>([])
  const [nodes, setNodes] = useState<FlowNode[]>([])
  const [edges, setEdges] = useState<Edge[]>([])
  const [settings, setSettings] = useState<Settings | null>(null)
  const [status, setStatus] = useState<string>('Disabled')
  const [selected, setSelected] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const editingId = copyFrom ? null : scheduleId
  const readOnly = status === 'Enabled'

  useEffect(() => {
    describeNodeTypes().then(setCatalog, (e: Error) => setLoadError(e.message))
    describeSourceConditionKeys().then(setSourceKeys, () => undefined)
    if (scheduleId === null) {
      const blank = blankGraph()
      setNodes(blank.nodes)
      setEdges(blank.edges)
      setSettings({ ScheduleName: '', Trigger: { Type: 'CosFileUpload', CosFileUploadTrigger: { Dir: '/input/' } }, OutputStorage: null, OutputDir: '/output/', TaskNotifyConfig: null, ResourceId: '' })
      return
    }
    mps('DescribeSchedules', { ScheduleIds: [scheduleId] }).then((r) => {
      const schedule = r.ScheduleInfoSet?.[0]
      if (!schedule) { setLoadError(`Orchestration ${scheduleId} does not exist (or belongs to another account).`); return }
      const graph = fromSchedule(schedule)
      setNodes(graph.nodes)
      setEdges(graph.edges)
      setSettings(copyFrom ? { ...graph.settings, ScheduleName: `${graph.settings.ScheduleName} copy` } : graph.settings)
      setStatus(copyFrom ? 'Disabled' : schedule.Status)
    }, (e: Error) => setLoadError(e.message))
  }, [scheduleId, copyFrom])

  const typeOf = useCallback((t: string) => catalog.find((c) => c.ActivityType === t), [catalog])
  const names = useMemo(() => {
    const map = new Map<string, string>()
    ordered(nodes).forEach((n, i) => map.set(n.id, n.data.activityType === 'input' || n.data.activityType === 'output' ? label(n.data.activityType) : `${label(n.data.activityType)} #${i}`))
    return map
  }, [nodes])

  const shown = useMemo(() => nodes.map((n) => (n.data.name === names.get(n.id) ? n : { ...n, data: { ...n.data, name: names.get(n.id) } })), [nodes, names])

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes.filter((c) => !(c.type === 'remove' && (c.id === 'n0' || c.id === 'n-out'))), ns))
  }, [])
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((es) => applyEdgeChanges(changes, es)), [])

  const connect = useCallback((source: string, target: string) => {
    if (source === target) return
    if (target !== 'n-out' && edges.some((e) => e.target === target)) {
      setMessage({ kind: 'error', text: 'An action node has exactly one predecessor; only Output takes several. Remove the other edge first.' })
      return
    }
    setEdges((es) => (es.some((e) => e.source === source && e.target === target) ? es : addEdge({ id: `e-${source}-${target}`, source, target }, es)))
  }, [edges])
  const onConnect = useCallback((c: Connection) => connect(c.source, c.target), [connect])

  const addNode = (type: NodeType, position?: { x: number; y: number }) => {
    const center = position ?? flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 })
    const node = newActionNode(type, nextOrder(nodes), center.x, center.y)
    setNodes((ns) => [...ns, node])
    setSelected(node.id)
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    const type = typeOf(e.dataTransfer.getData('application/x-mf-node'))
    if (type) addNode(type, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))
  }

  const updateNode = (id: string, patch: Partial<FlowNode['data']>) =>
    setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch, error: patch.error === undefined ? null : patch.error } } : n)))

  const deleteNode = (id: string) => {
    setNodes((ns) => ns.filter((n) => n.id !== id).map((n) => ({ ...n, data: { ...n.data, rules: n.data.rules.map((r) => ({ ...r, targets: r.targets.filter((t) => t !== id) })) } })))
    setEdges((es) => es.filter((e) => e.source !== id && e.target !== id))
    setSelected(null)
  }

  async function save() {
    if (!settings) return
    setSaving(true)
    setMessage(null)
    setNodes((ns) => ns.map((n) => (n.data.error ? { ...n, data: { ...n.data, error: null } } : n)))
    const body: Wire = {
      ScheduleName: settings.ScheduleName,
      Trigger: settings.Trigger,
      Activities: toActivities(nodes, edges),
      OutputDir: settings.OutputDir,
      ResourceId: settings.ResourceId,
      MfCanvasLayout: toLayout(nodes),
    }
    if (settings.OutputStorage) body.OutputStorage = settings.OutputStorage
    if (settings.TaskNotifyConfig) body.TaskNotifyConfig = settings.TaskNotifyConfig
    try {
      if (editingId === null) {
        const created = await mps('CreateSchedule', body)
        go('orchestrations', created.ScheduleId)
      } else {
        await mps('ModifySchedule', { ScheduleId: editingId, ...body })
        setMessage({ kind: 'ok', text: 'Saved.' })
      }
    } catch (e) {
      const text = (e as Error).message
      const nodeId = nodeOfError(text, nodes)
      if (nodeId) {
        // With its code, so the node's panel can put an InvalidParameterValue.<Field> next to the option it names.
        updateNode(nodeId, { error: e instanceof ApiError ? `${e.code}: ${text}` : text })
        setSelected(nodeId)
      }
      setMessage({ kind: 'error', text: e instanceof ApiError ? `${e.code}: ${text}` : text })
    } finally {
      setSaving(false)
    }
  }

  if (loadError) return <ErrorBox error={loadError} />
  if (!settings) return <Loading what="the orchestration" />

  const current = nodes.find((n) => n.id === selected)
  const successorsOf = (id: string) => edges.filter((e) => e.source === id).map((e) => ({ id: e.target, name: names.get(e.target) ?? e.target }))
  const conditionKeys = current ? conditionKeysFor(current.id, nodes, edges, catalog, sourceKeys) : []

  return (
    <div className="editor">
      <div className="editor-bar">
        <a href={href('orchestrations')} className="link">← Orchestrations</a>
        <strong>{editingId === null ? 'New orchestration' : settings.ScheduleName}</strong>
        {readOnly && <span className="reason" role="note">Enabled: disable it on the list to edit (an enabled orchestration cannot be modified).</span>}
        <span className="spacer" />
        {message && <span className={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</span>}
        <button onClick={save} disabled={saving || readOnly}>{saving ? 'Saving…' : 'Save'}</button>
      </div>
      <div className="editor-body">
        <aside className="palette" aria-label="Node palette">
          <h2>Nodes</h2>
          {catalog.length === 0 && <Loading what="node types" />}
          {catalog.map((t) => (
            <button key={t.ActivityType} className={`palette-item${t.Implemented ? '' : ' unimplemented'}`} draggable={!readOnly} disabled={readOnly}
              data-activity-type={t.ActivityType} title={t.Implemented ? `Drag onto the canvas (or click to add) · ${t.ActivityType}` : `${t.ActivityType}: not executed by this build yet`}
              onDragStart={(e) => { e.dataTransfer.setData('application/x-mf-node', t.ActivityType); e.dataTransfer.effectAllowed = 'move' }}
              onClick={() => addNode(t)}>
              {label(t.ActivityType)}{!t.Implemented && <span className="sub"> (soon)</span>}
            </button>
          ))}
        </aside>
        <div className="canvas" onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move' }} onDrop={onDrop}>
          <ReactFlow nodes={shown} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect}
            onNodeClick={(_, n) => setSelected(n.id)} onPaneClick={() => setSelected(null)} nodesDraggable={!readOnly} nodesConnectable={!readOnly}
            deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']} fitView fitViewOptions={{ maxZoom: 1 }}>
            <Background />
            <Controls />
            <MiniMap pannable />
          </ReactFlow>
        </div>
        <aside className="panel" aria-label="Properties">
          {!current || current.data.activityType === 'input' || current.data.activityType === 'output' ? (
            <SettingsPanel settings={settings} readOnly={readOnly} onChange={setSettings} />
          ) : (
            <div key={current.id}>
              {isIf(current.data.activityType) ? (
                <>
                  <h2>IF</h2>
                  {current.data.error && <div className="state error" role="alert">{current.data.error}</div>}
                  <IfPanel rules={current.data.rules} successors={successorsOf(current.id)} conditionKeys={conditionKeys}
                    onChange={(rules: Rule[]) => updateNode(current.id, { rules })} />
                  <fieldset className="targets">
                    <legend>Connected nodes (the branches choose among them)</legend>
                    {nodes.filter((n) => n.id !== current.id && n.id !== 'n0').map((n) => (
                      <label key={n.id} className="check"><input type="checkbox" checked={edges.some((e) => e.source === current.id && e.target === n.id)}
                        onChange={() => (edges.some((e) => e.source === current.id && e.target === n.id) ? setEdges(edges.filter((e) => !(e.source === current.id && e.target === n.id))) : connect(current.id, n.id))} />{names.get(n.id)}</label>
                    ))}
                  </fieldset>
                  <button className="danger" onClick={() => deleteNode(current.id)}>Delete node</button>
                </>
              ) : (
                <NodePanel node={current} type={typeOf(current.data.activityType)} readOnly={readOnly}
                  candidates={nodes.filter((n) => n.id !== current.id && n.id !== 'n0').map((n) => ({ id: n.id, name: names.get(n.id) ?? n.id, connected: edges.some((e) => e.source === current.id && e.target === n.id) }))}
                  onPara={(para) => updateNode(current.id, { para })}
                  onToggleSuccessor={(id) => (edges.some((e) => e.source === current.id && e.target === id) ? setEdges(edges.filter((e) => !(e.source === current.id && e.target === id))) : connect(current.id, id))}
                  onDelete={() => deleteNode(current.id)} />
              )}
            </div>
          )}
        </aside>
      </div>
    </div>
  )
}
