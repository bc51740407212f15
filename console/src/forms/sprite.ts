// A sprite's WebVTT index (docs/console.md, reference/mps-api.md §13.4): each cue spans one thumbnail's time and names
// its sheet with a #xywh=x,y,w,h fragment. Pure: parsed here, drawn by SpriteViewer on the task page.

export interface SpriteCue { start: number; end: number; sheet: string; x: number; y: number; w: number; h: number }

/** hh:mm:ss.mmm or mm:ss.mmm → seconds. */
export function vttTime(text: string): number {
  const parts = text.trim().split(':').map(Number)
  return parts.reduce((total, p) => total * 60 + p, 0)
}

/** The cues of a sprite VTT; sheet references are resolved against the VTT's own key (a leading / is bucket-absolute). */
export function parseSpriteVtt(text: string, vttKey: string): SpriteCue[] {
  const directory = vttKey.includes('/') ? vttKey.slice(0, vttKey.lastIndexOf('/') + 1) : ''
  const cues: SpriteCue[] = []
  const lines = text.replace(/\r/g, '').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const timing = /^\s*([\d:.]+)\s+-->\s+([\d:.]+)/.exec(lines[i])
    if (!timing) continue
    const payload = (lines[i + 1] ?? '').trim()
    const hash = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(payload)
    if (!hash) continue
    const reference = hash[1]
    const sheet = reference.startsWith('/') ? reference.slice(1) : directory + reference
    cues.push({ start: vttTime(timing[1]), end: vttTime(timing[2]), sheet, x: Number(hash[2]), y: Number(hash[3]), w: Number(hash[4]), h: Number(hash[5]) })
  }
  return cues
}

/** The cue showing at time t (start ≤ t < end; the last cue also at its end), or null. */
export function cueAt(cues: SpriteCue[], t: number): SpriteCue | null {
  const last = cues[cues.length - 1]
  return cues.find((c) => c.start <= t && t < c.end) ?? (last && t >= last.start && t <= last.end ? last : null)
}
