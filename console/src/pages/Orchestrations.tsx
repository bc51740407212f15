import { useState } from 'react'
import type { Wire } from '../api'
import { formatTime, mps } from '../api'
import { go, href } from '../router'
import { Empty, ErrorBox, Loading, PageHeader, Status, useLoad } from '../ui'

async function load() {
  const schedules: Wire[] = (await mps('DescribeSchedules', { Limit: 100 })).ScheduleInfoSet ?? []
  const recent: Wire[] = []
  for (const status of ['WAITING', 'PROCESSING', 'FINISH']) {
    recent.push(...((await mps('DescribeTasks', { Status: status, Limit: 100 })).TaskSet ?? []))
  }
  const last = new Map<number, Wire>()
  for (const task of recent) {
    const seen = last.get(task.MfScheduleId)
    if (!seen || task.CreateTime > seen.CreateTime) last.set(task.MfScheduleId, task)
  }
  return { schedules, last }
}

export function triggerText(trigger: Wire): string {
  if (!trigger) return '—'
  const cos = trigger.CosFileUploadTrigger ?? trigger.AwsS3FileUploadTrigger
  if (!cos) return trigger.Type ?? '—'
  const bucket = cos.Bucket ?? cos.S3Bucket
  const formats = (cos.Formats ?? []).length ? (cos.Formats as string[]).join(', ') : 'any format'
  return `${bucket}${cos.Dir ?? '/'} · ${formats}`
}

export default function Orchestrations() {
  const { data, error, loading, reload } = useLoad(load, [])
  const [busy, setBusy] = useState<number | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)

  async function act(id: number, action: string, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return
    setBusy(id)
    setActionError(null)
    try {
      await mps(action, { ScheduleId: id })
      reload()
    } catch (e) {
      setActionError((e as Error).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <PageHeader title="Orchestrations">
        <button onClick={() => go('orchestrations', 'new')}>New orchestration</button>
      </PageHeader>
      {actionError && <ErrorBox error={actionError} />}
      {loading && !data && <Loading what="orchestrations" />}
      {error && <ErrorBox error={error} retry={reload} />}
      {data && data.schedules.length === 0 && (
        <Empty title="No orchestrations yet">
          <p>An orchestration watches a bucket folder and runs every new file through a DAG of media nodes.</p>
          <button onClick={() => go('orchestrations', 'new')}>Draw your first orchestration</button>
        </Empty>
      )}
      {data && data.schedules.length > 0 && (
        <table className="grid">
          <thead><tr><th>Name</th><th>Status</th><th>Trigger</th><th>Last task</th><th>Updated</th><th aria-label="Actions" /></tr></thead>
          <tbody>
            {data.schedules.map((s: Wire) => {
              const enabled = s.Status === 'Enabled'
              const last = data.last.get(s.ScheduleId)
              const locked = 'Disable the orchestration first: an enabled orchestration cannot be edited or deleted.'
              return (
                <tr key={s.ScheduleId} data-schedule={s.ScheduleName}>
                  <td><a href={href('orchestrations', s.ScheduleId)}>{s.ScheduleName}</a><div className="sub">#{s.ScheduleId} · {s.Activities.length - 2} nodes</div></td>
                  <td><Status value={s.Status} /></td>
                  <td>{triggerText(s.Trigger)}</td>
                  <td>{last ? <a href={href('tasks', last.TaskId)}><Status value={last.MfStatus} /> {formatTime(last.CreateTime)}</a> : <span className="sub">none yet</span>}</td>
                  <td>{formatTime(s.UpdateTime)}</td>
                  <td className="row-actions">
                    <button className="secondary" disabled={busy === s.ScheduleId} onClick={() => act(s.ScheduleId, enabled ? 'DisableSchedule' : 'EnableSchedule')}>{enabled ? 'Disable' : 'Enable'}</button>
                    <button className="secondary" disabled={enabled} title={enabled ? locked : 'Edit on the canvas'} onClick={() => go('orchestrations', s.ScheduleId)}>Edit</button>
                    <button className="secondary" title="A new orchestration starting from this one" onClick={() => go('orchestrations', s.ScheduleId, 'copy')}>Copy</button>
                    <button className="danger" disabled={enabled || busy === s.ScheduleId} title={enabled ? locked : 'Delete'} onClick={() => act(s.ScheduleId, 'DeleteSchedule', `Delete ${s.ScheduleName}?`)}>Delete</button>
                    {enabled && <div className="sub reason">Disable to edit or delete</div>}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </>
  )
}
