import { useEffect, useState } from 'react'
import type { KeyboardEvent, MouseEvent } from 'react'
import { objectUrl } from '../api'
import type { SpriteCue } from '../forms/sprite'
import { cueAt, parseSpriteVtt } from '../forms/sprite'

/**
 * An image-sprite output: its sheets, its WebVTT, and a timeline; hovering (or ←/→ on the focused timeline) shows the
 * thumbnail the VTT's cue for that time points at (the sheet cropped to its #xywh= rectangle).
 */
export default function SpriteViewer({ bucket, vttKey }: { bucket: string; vttKey: string }) {
  const [cues, setCues] = useState<SpriteCue[] | null>(null)
  const [vtt, setVtt] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [time, setTime] = useState(0)

  useEffect(() => {
    let live = true
    fetch(objectUrl(bucket, vttKey), { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`WebVTT ${vttKey}: HTTP ${r.status}`))))
      .then((text) => { if (live) { setVtt(text); setCues(parseSpriteVtt(text, vttKey)) } }, (e: Error) => { if (live) setError(e.message) })
    return () => { live = false }
  }, [bucket, vttKey])

  if (error) return <p className="state error">{error}</p>
  if (!cues) return <p className="sub">Loading the sprite's WebVTT…</p>
  if (cues.length === 0) return <p className="sub">The WebVTT {vttKey} has no #xywh= cues.</p>

  const duration = cues[cues.length - 1].end || 1
  const cue = cueAt(cues, time)
  const sheets = [...new Set(cues.map((c) => c.sheet))]
  const at = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect()
    setTime(Math.min(duration, Math.max(0, ((e.clientX - box.left) / box.width) * duration)))
  }
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = cues.length > 1 ? cues[1].start - cues[0].start || 1 : 1
    if (e.key === 'ArrowRight') setTime((t) => Math.min(duration, t + step))
    else if (e.key === 'ArrowLeft') setTime((t) => Math.max(0, t - step))
    else return
    e.preventDefault()
  }

  return (
    <div className="sprite-viewer" data-vtt={vttKey}>
      <div className="row">
        <div className="thumb" role="img" aria-label={`Thumbnail at ${time.toFixed(2)} s`}
          data-time={time.toFixed(3)} data-sheet={cue?.sheet ?? ''} data-xywh={cue ? `${cue.x},${cue.y},${cue.w},${cue.h}` : ''}
          style={cue ? { width: cue.w, height: cue.h, backgroundImage: `url("${objectUrl(bucket, cue.sheet)}")`, backgroundPosition: `${-cue.x}px ${-cue.y}px` } : undefined} />
        <span className="sub">{time.toFixed(2)} s{cue ? ` · cue ${cue.start.toFixed(2)}–${cue.end.toFixed(2)} s · ${cue.sheet.split('/').pop()}#xywh=${cue.x},${cue.y},${cue.w},${cue.h}` : ''}</span>
      </div>
      <div className="scrub" role="slider" tabIndex={0} aria-label="Sprite timeline" aria-valuemin={0} aria-valuemax={duration} aria-valuenow={Number(time.toFixed(2))}
        onMouseMove={at} onClick={at} onKeyDown={key}>
        <span className="cursor" style={{ left: `${(time / duration) * 100}%` }} />
      </div>
      <details>
        <summary>Sheets ({sheets.length}) and WebVTT ({cues.length} cues)</summary>
        {sheets.map((s) => <img key={s} className="sheet" src={objectUrl(bucket, s)} alt={`Sprite sheet ${s}`} />)}
        <pre className="mono log">{vtt}</pre>
      </details>
    </div>
  )
}
