import { useEffect, useState } from 'react'
import type { Wire } from '../api'
import { formatTime, mps } from '../api'
import { href } from '../router'
import { Empty, ErrorBox, Loading, PageHeader, Status } from '../ui'

const statuses = ['WAITING', 'PROCESSING', 'FINISH'] as const

/** Every task of the last 7 days, newest first, refreshed every few seconds (live updates). */
export default function Tasks() {
  const [filter, setFilter] = useState<string>('')
  const [since, setSince] = useState<string>('')
  const [tasks, setTasks] = useState<Wire[] | null>(null)
  const [schedules, setSchedules] = useState<Map<number, string>>(new Map())
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    async function refresh() {
      try {
        const all: Wire[] = []
        for (const status of filter ? [filter] : statuses) {
          all.push(...((await mps('DescribeTasks', { Status: status, Limit: 100, StartTime: since ? new Date(since).toISOString() : undefined })).TaskSet ?? []))
        }
        all.sort((a, b) => (a.CreateTime < b.CreateTime ? 1 : -1))
        const named: Wire[] = (await mps('DescribeSchedules', { Limit: 100 })).ScheduleInfoSet ?? []
        if (live) { setTasks(all); setSchedules(new Map(named.map((s) => [s.ScheduleId, s.ScheduleName]))); setError(null) }
      } catch (e) {
        if (live) setError((e as Error).message)
      }
    }
    refresh()
    const timer = window.setInterval(refresh, 3000)
    return () => { live = false; window.clearInterval(timer) }
  }, [filter, since])

  return (
    <>
      <PageHeader title="Tasks">
        <label className="inline">Status
          <select aria-label="Status filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">all</option>{statuses.map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        <label className="inline">Since<input aria-label="Created since" type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} /></label>
      </PageHeader>
      {error && <ErrorBox error={error} />}
      {!tasks && !error && <Loading what="tasks" />}
      {tasks?.length === 0 && <Empty title="No tasks yet"><p>Tasks start when a file lands in an enabled orchestration's trigger folder. Upload one on the <a href={href('buckets')}>Buckets</a> page.</p></Empty>}
      {tasks && tasks.length > 0 && (
        <table className="grid">
          <thead><tr><th>Task</th><th>Status</th><th>Orchestration</th><th>Input</th><th>Nodes</th><th>Created</th><th>Finished</th></tr></thead>
          <tbody>
            {tasks.map((t) => (
              <tr key={t.TaskId} data-task={t.TaskId}>
                <td><a href={href('tasks', t.TaskId)}>{t.TaskId}</a></td>
                <td><Status value={t.MfStatus ?? ''} /></td>
                <td>{t.MfScheduleId ? <a href={href('orchestrations', t.MfScheduleId)}>{schedules.get(t.MfScheduleId) ?? `#${t.MfScheduleId}`}</a> : 'ad hoc'}</td>
                <td className="mono">{t.MfInputKey}</td>
                <td>{(t.SubTaskTypes ?? []).join(', ')}</td>
                <td>{formatTime(t.CreateTime)}</td>
                <td>{formatTime(t.FinishTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
