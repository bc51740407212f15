import { useState } from 'react'
import type { Wire } from '../api'
import { mps } from '../api'
import { href } from '../router'
import { Empty, ErrorBox, Loading, PageHeader, useLoad } from '../ui'

/** The billed task types the engine records (docs/usage.md); the console asks for all of them. */
const usageTypes = ['Transcode', 'Snapshot', 'AnimatedGraphics', 'AIAnalysis', 'AIRecognition', 'AIReview', 'AiQualityControl', 'MfSmartErase', 'MfSmartSubtitles']

/** One row of DescribeUsageData's MfBreakdown. */
interface Group { Key: string; Count: number; Seconds: number; Images: number }

interface Breakdown { ByNodeType: Group[]; ByBand: Group[]; BySchedule: Group[]; ByResource: Group[]; ByDay: Group[] }

const nodeLabels: Record<string, string> = {
  'action-trans': 'Transcode', 'action-adaptive-substream': 'Adaptive streaming', 'action-snapshotByTimeOffset': 'Screenshots',
  'action-samplesnapshot': 'Sampled screenshots', 'action-image-sprite': 'Sprites', 'action-animated-graphics': 'Animated graphics',
  'action-AIQualityControl': 'Quality control', 'action-AIRecognition': 'AI recognition', 'action-AIAnalysis': 'AI analysis',
  'action-aiReview': 'Content review', 'action-SmartErase': 'Smart erase', 'action-SmartSubtitles': 'Smart subtitles',
}

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The browser's UTC offset as ±hh:mm, so days are the viewer's calendar days. */
function localOffset(): string {
  const minutes = -new Date().getTimezoneOffset()
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

function formatSeconds(seconds: number): string {
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(2)} h`
  if (seconds >= 60) return `${(seconds / 60).toFixed(1)} min`
  return `${seconds.toFixed(3)} s`
}

/** Usage over a date range: processing seconds and counts by node type, resolution band, orchestration, cost centre and day. */
export default function Usage() {
  const [from, setFrom] = useState(() => isoDate(new Date(Date.now() - 6 * 86400000)))
  const [to, setTo] = useState(() => isoDate(new Date()))
  const [scheduleId, setScheduleId] = useState('')
  const [resourceId, setResourceId] = useState('')

  const schedules = useLoad<Wire[]>(async () => (await mps('DescribeSchedules', { Limit: 100 })).ScheduleInfoSet ?? [], [])
  const usage = useLoad<Breakdown>(async () => {
    const offset = localOffset()
    const response = await mps('DescribeUsageData', {
      StartTime: `${from}T00:00:00${offset}`,
      EndTime: `${to}T00:00:00${offset}`,
      Types: usageTypes,
      MfScheduleIds: scheduleId ? [Number(scheduleId)] : undefined,
      MfResourceIds: resourceId ? [resourceId] : undefined,
    })
    return response.MfBreakdown as Breakdown
  }, [from, to, scheduleId, resourceId])

  const names = new Map<string, string>((schedules.data ?? []).map((s) => [String(s.ScheduleId), s.ScheduleName]))
  const resources = [...new Set((schedules.data ?? []).map((s) => s.ResourceId as string).filter(Boolean))].sort()
  const data = usage.data
  const total = data ? data.ByDay.reduce((sum, d) => ({ Count: sum.Count + d.Count, Seconds: sum.Seconds + d.Seconds, Images: sum.Images + d.Images }), { Count: 0, Seconds: 0, Images: 0 }) : null

  return (
    <>
      <PageHeader title="Usage">
        <label className="inline">From<input aria-label="From date" type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} /></label>
        <label className="inline">To<input aria-label="To date" type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} /></label>
        <label className="inline">Orchestration
          <select aria-label="Orchestration filter" value={scheduleId} onChange={(e) => setScheduleId(e.target.value)}>
            <option value="">all</option>
            <option value="0">ad hoc (ProcessMedia)</option>
            {(schedules.data ?? []).map((s) => <option key={s.ScheduleId} value={s.ScheduleId}>{s.ScheduleName}</option>)}
          </select>
        </label>
        <label className="inline">Cost centre
          <input aria-label="Cost centre filter" list="usage-resources" placeholder="any ResourceId" value={resourceId} onChange={(e) => setResourceId(e.target.value.trim())} />
          <datalist id="usage-resources">{resources.map((r) => <option key={r} value={r} />)}</datalist>
        </label>
      </PageHeader>
      <p className="sub">Only successful nodes count: failed and skipped nodes are not billed. Media nodes count output seconds, screenshot and sprite nodes count images, AI and quality nodes count the seconds they read. The same figures come from the <span className="mono">DescribeUsageData</span> API.</p>
      {usage.error && <ErrorBox error={usage.error} retry={usage.reload} />}
      {!data && !usage.error && <Loading what="usage" />}
      {data && total && total.Count === 0 && (
        <Empty title="No usage in this range">
          <p>Usage is recorded when a node finishes successfully. Enable an <a href={href('orchestrations')}>orchestration</a> and upload a file on the <a href={href('buckets')}>Buckets</a> page, or widen the date range and filters.</p>
        </Empty>
      )}
      {data && total && total.Count > 0 && (
        <div className="usage">
          <div className="usage-totals" aria-label="Totals">
            <div className="card"><span className="sub">Processing time</span><strong data-total="seconds">{formatSeconds(total.Seconds)}</strong></div>
            <div className="card"><span className="sub">Images</span><strong data-total="images">{total.Images}</strong></div>
            <div className="card"><span className="sub">Successful nodes</span><strong data-total="count">{total.Count}</strong></div>
          </div>
          <DayChart days={data.ByDay} />
          <div className="usage-grid">
            <BarChart id="by-node-type" title="By node type" groups={data.ByNodeType} label={(k) => nodeLabels[k] ?? k} />
            <BarChart id="by-band" title="By resolution band" groups={data.ByBand} label={(k) => k} />
            <BarChart id="by-orchestration" title="By orchestration" groups={data.BySchedule} label={(k) => (k === '0' ? 'ad hoc' : names.get(k) ?? `#${k}`)} />
            <BarChart id="by-cost-centre" title="By cost centre (ResourceId)" groups={data.ByResource} label={(k) => k || '(none)'} />
          </div>
        </div>
      )}
    </>
  )
}

/** Labels longer than the label column are cut with an ellipsis (the full text is the SVG title and in the table). */
function short(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text
}

/** Horizontal bars of seconds (and images when there are any), with the exact figures in a table below for reading and screen readers. */
function BarChart({ id, title, groups, label }: { id: string; title: string; groups: Group[]; label: (key: string) => string }) {
  const max = Math.max(1, ...groups.map((g) => g.Seconds))
  const maxImages = Math.max(1, ...groups.map((g) => g.Images))
  const row = 26
  const width = 420
  const labelWidth = 150
  return (
    <figure className="card usage-chart" data-chart={id}>
      <figcaption><h2>{title}</h2><span className="usage-legend" aria-hidden><i className="seconds" /> seconds <i className="images" /> images</span></figcaption>
      <svg role="img" aria-label={`${title}: ${groups.map((g) => `${label(g.Key)} ${formatSeconds(g.Seconds)}, ${g.Images} images, ${g.Count} nodes`).join('; ')}`}
        viewBox={`0 0 ${width} ${Math.max(1, groups.length) * row}`} width="100%">
        {groups.map((g, i) => {
          const seconds = ((width - labelWidth - 90) * g.Seconds) / max
          const images = ((width - labelWidth - 90) * g.Images) / maxImages
          return (
            <g key={g.Key} transform={`translate(0 ${i * row})`}>
              <text x={0} y={17} className="usage-label"><title>{label(g.Key)}</title>{short(label(g.Key))}</text>
              {g.Seconds > 0 && <rect x={labelWidth} y={4} width={Math.max(2, seconds)} height={g.Images > 0 ? 8 : 16} className="usage-bar seconds" />}
              {g.Images > 0 && <rect x={labelWidth} y={g.Seconds > 0 ? 13 : 4} width={Math.max(2, images)} height={g.Seconds > 0 ? 8 : 16} className="usage-bar images" />}
              <text x={labelWidth + Math.max(seconds, images) + 6} y={17} className="usage-value">{g.Seconds > 0 ? formatSeconds(g.Seconds) : `${g.Images} img`}</text>
            </g>
          )
        })}
      </svg>
      <table className="grid compact">
        <thead><tr><th>{title.replace('By ', '')}</th><th>Seconds</th><th>Images</th><th>Nodes</th></tr></thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.Key} data-key={g.Key}>
              <td>{label(g.Key)}</td><td data-field="Seconds">{g.Seconds.toFixed(3)}</td><td data-field="Images">{g.Images}</td><td data-field="Count">{g.Count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

/** Columns per day: processing seconds, with the node count over each column; the scale's top is labelled. */
function DayChart({ days }: { days: Group[] }) {
  const max = Math.max(1, ...days.map((d) => d.Seconds))
  const width = 1000
  const height = 120
  const top = 16
  const column = width / Math.max(1, days.length)
  const bar = Math.min(56, column - 6)
  return (
    <figure className="card usage-chart" data-chart="per-day">
      <figcaption><h2>Processing seconds per day</h2></figcaption>
      <svg role="img" aria-label={`Processing seconds per day: ${days.map((d) => `${d.Key.slice(0, 10)} ${formatSeconds(d.Seconds)}, ${d.Count} nodes`).join('; ')}`}
        viewBox={`0 0 ${width} ${top + height + 22}`} width="100%">
        <line x1={0} x2={width} y1={top} y2={top} className="usage-grid-line" />
        <text x={0} y={top - 4} className="usage-value">{formatSeconds(max)}</text>
        <line x1={0} x2={width} y1={top + height} y2={top + height} className="usage-axis" />
        {days.map((d, i) => {
          const h = (height * d.Seconds) / max
          const x = i * column + (column - bar) / 2
          return (
            <g key={d.Key} data-day={d.Key.slice(0, 10)}>
              {d.Count > 0 && <text x={x + bar / 2} y={top + height - h - 4} textAnchor="middle" className="usage-value">{d.Count}</text>}
              <rect x={x} y={top + height - h} width={bar} height={Math.max(d.Seconds > 0 ? 2 : 0, h)} className="usage-bar seconds"><title>{`${d.Key.slice(0, 10)}: ${formatSeconds(d.Seconds)}, ${d.Images} images, ${d.Count} nodes`}</title></rect>
              <text x={x + bar / 2} y={top + height + 16} textAnchor="middle" className="usage-label">{d.Key.slice(5, 10)}</text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
