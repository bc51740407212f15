import { useEffect, useMemo, useState } from 'react'
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react'
import type { Edge } from '@xyflow/react'
import type { Wire } from '../api'
import { formatTime, mps, objectUrl } from '../api'
import { href } from '../router'
import { ErrorBox, Loading, PageHeader, Status } from '../ui'
import MediaNode from '../editor/MediaNode'
import { fromSchedule, label } from '../editor/model'
import SpriteViewer from './SpriteViewer'

const nodeTypes = { media: MediaNode }

/** A result's item (`ActivityResItem.<Member>`): Status, ErrCodeExt, Message, Progress, Output… */
function itemOf(result: Wire | undefined): Wire | null {
  return result?.ActivityResItem ? (Object.values(result.ActivityResItem)[0] as Wire) : null
}

/** Every object key a node result names (Path, ObjectKey, …), for previews. */
function outputKeys(value: Wire, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^\/?[^\s]+\.[a-z0-9]{2,5}$/i.test(value) && !value.startsWith('http')) found.push(value.replace(/^\//, ''))
  } else if (Array.isArray(value)) value.forEach((v) => outputKeys(v, found))
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => { if (k !== 'Input' && k !== 'OutputStorage') outputKeys(v, found) })
  return found
}

function Preview({ bucket, objectKey }: { bucket: string; objectKey: string }) {
  const url = objectUrl(bucket, objectKey)
  const ext = objectKey.split('.').pop()?.toLowerCase() ?? ''
  if (['mp4', 'webm', 'mov', 'm4v', 'mkv'].includes(ext)) return <video className="preview" controls preload="metadata" src={url} data-key={objectKey} />
  if (['mp3', 'm4a', 'aac', 'wav', 'flac', 'ogg', 'opus'].includes(ext)) return <audio controls preload="metadata" src={url} data-key={objectKey} />
  if (['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp'].includes(ext)) return <img className="preview thumb" src={url} alt={objectKey} data-key={objectKey} />
  return <a href={url} target="_blank" rel="noreferrer">{objectKey}</a>
}

/** A QC node's Output (QualityControlData, docs/quality-control.md): scores, then each finding on a timeline of the media. */
function QcFindings({ output, duration }: { output: Wire; duration: number }) {
  const scores = Object.entries(output).filter(([k, v]) => typeof v === 'number' && (k === 'QualityEvaluationScore' || k.startsWith('Mf')))
  const content: Wire[] = output.QualityControlResultSet ?? []
  const format: Wire[] = output.ContainerDiagnoseResultSet ?? []
  const end = Math.max(duration, ...content.flatMap((c) => (c.QualityControlItems ?? []).map((i: Wire) => Number(i.EndTimeOffset) || 0)), 0.001)
  const pct = (t: number) => `${Math.min(100, Math.max(0, (t / end) * 100))}%`
  return (
    <div className="qc-findings" data-findings={content.length + format.length}>
      <div className="sub">
        {output.NoVideo ? 'No video · ' : ''}{output.NoAudio ? 'No audio · ' : ''}
        {scores.map(([k, v]) => `${k} ${v}`).join(' · ')}
        {content.length + format.length === 0 && `${scores.length ? ' · ' : ''}No findings`}
      </div>
      {content.map((c) => (
        <div key={c.Type} className="qc-row" data-type={c.Type}>
          <span className="qc-type">{c.Type}</span>
          <span className="qc-track">{(c.QualityControlItems ?? []).map((i: Wire, n: number) => (
            <span key={n} className="qc-span" title={`${i.StartTimeOffset}–${i.EndTimeOffset} s · confidence ${i.Confidence}`}
              style={{ left: pct(Number(i.StartTimeOffset) || 0), width: `max(3px, calc(${pct((Number(i.EndTimeOffset) || 0) - (Number(i.StartTimeOffset) || 0))}))` }} />))}</span>
        </div>
      ))}
      {format.map((f, n) => <div key={`f${n}`} className="qc-row" data-type={f.Type}><span className="qc-type">{f.Type}</span><span className="sub">{f.Category} · {f.SeverityLevel} · at {(f.TimestampSet ?? []).join(', ')} s</span></div>)}
    </div>
  )
}

export default function TaskPage({ taskId }: { taskId: string }) {
  const [task, setTask] = useState<Wire | null>(null)
  const [deliveries, setDeliveries] = useState<Wire[]>([])
  const [error, setError] = useState<string | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [tick, setTick] = useState(0)

  useEffect(() => {
    let live = true
    let timer = 0
    async function refresh() {
      try {
        const detail = await mps('DescribeTaskDetail', { TaskId: taskId })
        const events = await mps('MfDescribeNotificationDeliveries', { TaskId: taskId }).catch(() => ({ EventSet: [] }))
        if (!live) return
        setTask(detail)
        setDeliveries(events.EventSet ?? events.NotificationSet ?? [])
        setError(null)
        if (detail.Status !== 'FINISH') timer = window.setTimeout(refresh, 2000)
      } catch (e) {
        if (live) setError((e as Error).message)
      }
    }
    refresh()
    return () => { live = false; window.clearTimeout(timer) }
  }, [taskId, tick])

  const results: Wire[] = task?.ScheduleTask?.ActivityResultSet ?? []
  const byIndex = useMemo(() => new Map(results.map((r) => [r.MfActivityIndex, r])), [results])
  const graph = useMemo(() => {
    if (!task?.MfActivities) return null
    const drawn = fromSchedule({ Activities: task.MfActivities })
    drawn.nodes.forEach((n, i) => {
      const item = itemOf(byIndex.get(i))
      n.draggable = false
      if (n.data.paraMember) n.data.name = `${label(n.data.activityType)} #${i}`
      n.data = { ...n.data, error: item?.Status === 'FAIL' ? `${item.ErrCodeExt}: ${item.Message}` : null }
      n.className = `run-${(item?.Status ?? (i === 0 || n.data.activityType === 'output' ? 'io' : 'waiting')).toLowerCase()}`
    })
    const edges: Edge[] = drawn.edges.map((e) => ({ ...e, animated: itemOf(byIndex.get(Number(e.target.slice(1))))?.Status === 'PROCESSING' }))
    return { nodes: drawn.nodes, edges }
  }, [task, byIndex])

  if (error) return <ErrorBox error={error} retry={() => setTick((t) => t + 1)} />
  if (!task) return <Loading what="the task" />

  const bucket: string = task.MfOutput?.Bucket ?? ''
  const shown = selected === null ? results : results.filter((r) => r.MfActivityIndex === selected)
  const abortable = task.Status === 'WAITING' || task.Status === 'PROCESSING'

  return (
    <>
      <PageHeader title={`Task ${taskId}`}>
        <Status value={task.Status} />
        {abortable && <button className="danger" onClick={() => mps('ManageTask', { OperationType: 'Abort', TaskId: taskId }).then(() => setTick((t) => t + 1), (e: Error) => setError(e.message))}>Abort</button>}
      </PageHeader>
      <div className="task-summary">
        <div>Orchestration: {task.MfScheduleId ? <a href={href('orchestrations', task.MfScheduleId)}>#{task.MfScheduleId}</a> : 'ad hoc'}</div>
        <div>Input: <span className="mono">{task.MfInput?.Bucket}/{task.MfInput?.Key}</span></div>
        <div>Created {formatTime(task.CreateTime)} · began {formatTime(task.BeginProcessTime)} · finished {formatTime(task.FinishTime)}</div>
        {task.ScheduleTask?.ErrCode ? <div className="state error">Source error {task.ScheduleTask.ErrCode}: {task.ScheduleTask.Message}</div> : null}
      </div>
      {graph && (
        <div className="run-graph">
          <ReactFlowProvider>
            <ReactFlow nodes={graph.nodes} edges={graph.edges} nodeTypes={nodeTypes} fitView nodesConnectable={false} nodesDraggable={false}
              onNodeClick={(_, n) => setSelected(Number(n.id.slice(1)) || null)} onPaneClick={() => setSelected(null)}>
              <Background /><Controls showInteractive={false} />
            </ReactFlow>
          </ReactFlowProvider>
        </div>
      )}
      <section className="results">
        {shown.map((r) => {
          const item = itemOf(r)
          const rule = r.ActivityType === 'ExecRules' ? item : null
          const keys = item ? [...new Set(outputKeys(item.Output))] : []
          return (
            <article key={r.MfActivityIndex} className="result card" data-activity-index={r.MfActivityIndex} data-status={item?.Status}>
              <header>
                <h3>{label(task.MfActivities?.[r.MfActivityIndex]?.ActivityType ?? r.ActivityType)} #{r.MfActivityIndex}</h3>
                <Status value={item?.Status ?? 'WAITING'} />
                {item?.Progress !== undefined && item?.Status === 'PROCESSING' && <progress max={100} value={item.Progress} aria-label="Progress" />}
                <span className="sub">{formatTime(item?.BeginProcessTime)} → {formatTime(item?.FinishTime)}</span>
              </header>
              {item?.Message && item.Message !== item.Status && <p className={item.Status === 'FAIL' ? 'state error' : 'sub'}>{item.ErrCodeExt ? `${item.ErrCodeExt}: ` : ''}{item.Message}</p>}
              {rule && (() => {
                // ExecRuleTask (docs/if-conditions.md): MfMatchedRule / MfEvaluations sit on the item, RearDriveIndex in Output.
                const matched: number = rule.MfMatchedRule ?? rule.Output?.MfMatchedRule ?? -1
                const rules: Wire[] = rule.Input?.Rules ?? []
                const isElse = matched >= 0 && (rules[matched]?.Conditions ?? []).length === 0
                const runs: number[] = rule.Output?.RearDriveIndex ?? []
                return (
                  <div className="decision" data-matched-rule={matched}>
                    <strong>{matched === -1 ? 'No branch held: nothing below runs' : isElse ? 'Else branch taken' : `Branch ${matched + 1} taken (Rules[${matched}])`}</strong>
                    {runs.length > 0 && <span className="sub"> · runs {runs.map((i) => `${label(task.MfActivities?.[i]?.ActivityType ?? '')} #${i}`).join(', ')}</span>}
                    <table className="grid small"><thead><tr><th>Branch</th><th>Key</th><th>Condition</th><th>Actual</th><th>Holds</th></tr></thead>
                      <tbody>{(rule.MfEvaluations ?? rule.Output?.MfEvaluations ?? []).map((ev: Wire, i: number) => (
                        <tr key={i} data-rule={ev.Rule} className={ev.Rule === matched ? 'matched' : undefined}><td>{(ev.Rule ?? 0) + 1}</td><td>{ev.Key}</td><td>{ev.Value}</td><td>{ev.Actual === null || ev.Actual === undefined ? 'missing' : String(ev.Actual)}</td><td>{ev.Holds ? 'yes' : 'no'}</td></tr>))}</tbody></table>
                  </div>
                )
              })()}
              {r.ActivityType === 'AiQualityControl' && item?.Output && <QcFindings output={item.Output} duration={Number(task.ScheduleTask?.MetaData?.Duration) || 0} />}
              {typeof item?.Output?.WebVttPath === 'string' && <SpriteViewer bucket={bucket} vttKey={item.Output.WebVttPath.replace(/^\//, '')} />}
              {keys.length > 0 && <div className="outputs">{keys.map((k) => <figure key={k}><Preview bucket={bucket} objectKey={k} /><figcaption><a href={objectUrl(bucket, k, true)}>{k}</a></figcaption></figure>)}</div>}
              {(r.MfAttempts ?? []).map((a: Wire) => (
                <details key={a.Attempt} className="attempt">
                  <summary>Attempt {a.Attempt}: {a.Outcome || 'running'} {a.MfFusedWith?.length ? `(one ffmpeg with nodes ${a.MfFusedWith.join(', ')})` : ''}</summary>
                  <h4>FFmpeg command</h4><pre className="mono">{a.CommandLine}</pre>
                  <h4>Log tail</h4><pre className="mono log">{a.LogTail}</pre>
                </details>
              ))}
            </article>
          )
        })}
      </section>
      <section className="card">
        <h2>Notifications</h2>
        {deliveries.length === 0 ? <p className="sub">No notification for this task (the orchestration has none, or it has not been sent yet).</p> : (
          <table className="grid small"><thead><tr><th>Event</th><th>Type</th><th>Target</th><th>Status</th><th>Attempts</th></tr></thead>
            <tbody>{deliveries.map((d: Wire) => <tr key={d.EventId}><td className="mono">{d.EventId}</td><td>{d.EventType}</td><td>{d.NotifyUrl ?? d.Target}</td><td>{d.Status}</td><td>{(d.AttemptSet ?? d.Attempts ?? []).length}</td></tr>)}</tbody></table>
        )}
      </section>
    </>
  )
}
